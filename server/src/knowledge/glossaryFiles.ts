// The glossary data files, imported statically so that esbuild bundles them.
import type { GlossaryFile } from './glossary';

export const GLOSSARY_FILES: readonly GlossaryFile[] = [];
