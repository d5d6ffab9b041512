// A display-language pack for the e2e's Korean run. VS Code (and code-server's --locale) switches
// the display language only when a language pack for it is installed, and the real packs come from
// the Marketplace, which this machine cannot reach. This pack contributes the locale with no
// translations: the workbench stays in English, but VS Code's language becomes `locale`, so the
// extension gets what a user of that language gets — `vscode.env.language`, package.nls.<locale>.json
// and l10n/bundle.l10n.<locale>.json.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeServerDirs, installExtensions, REPO_ROOT } from './codeServer.mjs';

const LANGUAGE_NAMES = { ko: { languageName: 'Korean', localizedLanguageName: '한국어' } };
const TRANSLATIONS = './translations/main.i18n.json';

function manifestFor(locale) {
  const names = LANGUAGE_NAMES[locale];
  if (!names) {
    throw new Error(`no display-language pack for ${locale}`);
  }
  return {
    name: `e2e-language-pack-${locale}`,
    displayName: `${names.languageName} display language (e2e, no translations)`,
    publisher: 'cloud-study-notes-e2e',
    version: '0.0.1',
    engines: { vscode: '^1.100.0' },
    categories: ['Language Packs'],
    contributes: { localizations: [{ languageId: locale, ...names, translations: [{ id: 'vscode', path: TRANSLATIONS }] }] },
  };
}

/** Builds the pack described by `manifest` in `dir` with @vscode/vsce; returns the .vsix file. */
function packageVsix(manifest, dir) {
  mkdirSync(join(dir, 'translations'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, TRANSLATIONS), JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(join(dir, 'README.md'), `${manifest.displayName}: made by scripts/languagePack.mjs for the e2e.\n`);
  const vsix = join(dir, `${manifest.name}.vsix`);
  const vsce = join(REPO_ROOT, 'node_modules', '.bin', 'vsce');
  const result = spawnSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`vsce could not package ${manifest.name}: ${result.stderr || result.stdout || result.error?.message}`);
  }
  return vsix;
}

/**
 * Installs the pack for `locale` into the code-server whose state is in `stateDir` and registers it
 * in user-data/languagepacks.json, where VS Code looks up a locale's translations when it starts an
 * extension host. A pack installed through a running workbench is registered by VS Code itself;
 * `code-server --install-extension` leaves that to us. The entry is what VS Code 1.100 writes
 * (platform/languagePacks/node/languagePacks.ts): an md5 of the packs' ids and versions, the
 * translation files, the label.
 */
export function installLanguagePack(stateDir, locale) {
  const manifest = manifestFor(locale);
  const dirs = codeServerDirs(stateDir);
  const installed = installExtensions(stateDir, [packageVsix(manifest, join(stateDir, 'language-pack'))]);
  const id = `${manifest.publisher}.${manifest.name}`;
  if (!installed.includes(`${id}@${manifest.version}`)) {
    throw new Error(`code-server did not install ${id}; it lists: ${installed.join(', ') || 'nothing'}`);
  }
  const [localization] = manifest.contributes.localizations;
  const languagePacks = {
    [locale]: {
      hash: createHash('md5').update(id).update(manifest.version).digest('hex'),
      extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
      translations: { vscode: join(dirs.extensions, `${id}-${manifest.version}`, TRANSLATIONS) },
      label: localization.localizedLanguageName,
    },
  };
  writeFileSync(join(dirs['user-data'], 'languagepacks.json'), JSON.stringify(languagePacks));
  return installed;
}
