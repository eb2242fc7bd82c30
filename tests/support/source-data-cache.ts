/**
 * vitest globalSetup: writes the data caches of code run from the TypeScript sources (the
 * lexicons, profile word lists, language data and CLI texts, as `npm run build` writes them for
 * dist/) into `node_modules/.cache/soz-data-cache/` (`SOURCE_RUN_CACHE_DIR`), once per run before
 * any test file starts. Without them every in-process `soz analyze`, `soz run` and `soz verify`
 * of the run compiled the lexicons from YAML again (README "Suite time, round 17"). A cache is
 * trusted only under the key of the sources and code it was compiled from, so one left by an older
 * run is never read; the run manifest records the source files either way.
 */
import { fileURLToPath } from 'node:url';
import { writeDataCaches } from '../../src/analysis/lexicon-files.js';
import { writeLanguageDataCache } from '../../src/language/data.js';
import { writeCliCatalogueCaches } from '../../src/pipeline/cli-catalogue.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export default async function setup(): Promise<void> {
  await writeDataCaches(ROOT);
  writeLanguageDataCache(ROOT);
  writeCliCatalogueCaches(ROOT);
}
