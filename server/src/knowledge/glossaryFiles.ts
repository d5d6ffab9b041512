// The glossary data files, imported statically so that esbuild bundles them.
import type { GlossaryFile } from './glossary';
import analytics from '../../knowledge/glossary/analytics.json';
import compute from '../../knowledge/glossary/compute.json';
import concepts from '../../knowledge/glossary/concepts.json';
import containers from '../../knowledge/glossary/containers.json';
import cost from '../../knowledge/glossary/cost.json';
import database from '../../knowledge/glossary/database.json';
import developerTools from '../../knowledge/glossary/developer-tools.json';
import integration from '../../knowledge/glossary/integration.json';
import management from '../../knowledge/glossary/management.json';
import migration from '../../knowledge/glossary/migration.json';
import ml from '../../knowledge/glossary/ml.json';
import monitoring from '../../knowledge/glossary/monitoring.json';
import networking from '../../knowledge/glossary/networking.json';
import security from '../../knowledge/glossary/security.json';
import storage from '../../knowledge/glossary/storage.json';

// The JSON types are wider than GlossaryFile (plain strings for enums); test/glossary.test.ts validates the files.
export const GLOSSARY_FILES = [
  analytics,
  compute,
  concepts,
  containers,
  cost,
  database,
  developerTools,
  integration,
  management,
  migration,
  ml,
  monitoring,
  networking,
  security,
  storage,
] as unknown as readonly GlossaryFile[];
