/**
 * Pure rules of a case bundle: which case files go in, the entry order, the fixed entry date,
 * the README for the recipient. The safety check of each entry on unpacking is `core/zip-entry.ts`.
 */
import { compareCodeUnits } from '../core/canonical-json.js';

/** Every entry carries this date, so the same case gives the same bundle bytes (1980-01-01 UTC, the ZIP epoch). */
export const BUNDLE_ENTRY_DATE_MS = Date.UTC(1980, 0, 1, 0, 0, 0);

/** Name of the README entry at the root of the bundle. */
export const BUNDLE_README = 'README.txt';

/** True for a case-relative path that belongs in a bundle. */
export function belongsInBundle(path: string): boolean {
  if (['case.json', 'evidence.json', 'log.jsonl'].includes(path)) return true;
  return ['evidence/', 'extracted/', 'derived/', 'compare/', 'reports/', 'seals/', 'examiner/', 'practice/'].some((prefix) => path.startsWith(prefix));
}

/** Bundle entry order: code-unit order of the paths, README first. */
export function sortBundleEntries(paths: readonly string[]): string[] {
  return [...paths].sort((a, b) => (a === BUNDLE_README ? -1 : b === BUNDLE_README ? 1 : compareCodeUnits(a, b)));
}

/** What the bundle README names: the case, and the soz package and version that made it. */
export interface BundleReadmeFacts {
  /** `null` where the case records none. */
  readonly caseNumber: string | null;
  /** npm package name of soz (package.json `name`). */
  readonly packageName: string;
  /** Source repository from package.json, when it names one. */
  readonly repository: string | null;
  /** The soz version that made the case (its run manifest), else the running one. */
  readonly version: string;
  readonly lockfileSha256: string;
  readonly node: string;
  readonly bundleName: string;
}

/**
 * The README in Russian, Kyrgyz and English: how to install the very soz version that made the
 * case from its release file, offline, and verify the bundle — commands that work as written.
 */
export function bundleReadme(facts: BundleReadmeFacts): string {
  const { caseNumber, packageName, repository, version, lockfileSha256, node, bundleName } = facts;
  const tarball = `${packageName}-${version}.tgz`;
  const install = `       npm install -g --offline ./${tarball}`;
  const check = `       ${packageName} --version        (→ ${version})`;
  const source = repository === null ? `npm package "${packageName}" ${version}` : `npm package "${packageName}" ${version}, ${repository} (tag v${version})`;
  return [
    caseNumber === null ? 'soz — case: номер не указан / номери көрсөтүлгөн эмес / number not recorded' : `soz — case ${caseNumber}`,
    `made by ${source}; package-lock.json sha256 ${lockfileSha256}; Node ${node}`,
    '',
    '[RU] Проверка материалов дела',
    `Этот архив содержит копии объектов исследования, журнал действий, производные данные, заключение и печати. Чтобы повторить все вычисления и проверить, что ничего не изменено:`,
    `  1. Установите ту же версию soz ${version} из файла выпуска ${tarball} (его делает "npm run release" в исходниках этой версии; сеть не нужна, только Node.js):`,
    install,
    check,
    `  2. Проверьте архив: ${packageName} verify ${bundleName}`,
    `     (с ключом эксперта: ${packageName} verify ${bundleName} --public-key КЛЮЧ.pub.pem)`,
    '  Код 0 — всё совпало; код 1 — названо первое расхождение и его место.',
    '  Код 4 — расхождений нет, но записи эксперта изменены после последнего заключения: его нужно составить заново.',
    '',
    '[KY] Иштин материалдарын текшерүү',
    `Бул архивде изилдөө объекттеринин көчүрмөлөрү, аракеттер журналы, алынган маалыматтар, корутунду жана мөөрлөр бар. Бардык эсептөөлөрдү кайталап, эч нерсе өзгөрбөгөнүн текшерүү үчүн:`,
    `  1. soz программасынын ошол эле ${version} версиясын ${tarball} чыгаруу файлынан орнотуңуз (аны ушул версиянын булак кодунда "npm run release" түзөт; тармак керек эмес, Node.js гана):`,
    install,
    check,
    `  2. Архивди текшериңиз: ${packageName} verify ${bundleName}`,
    `     (эксперттин ачкычы менен: ${packageName} verify ${bundleName} --public-key АЧКЫЧ.pub.pem)`,
    '  0 коду — баары дал келди; 1 коду — биринчи айырма жана анын орду көрсөтүлөт.',
    '  4 коду — айырма жок, бирок эксперттин жазуулары акыркы корутундудан кийин өзгөргөн: аны кайра түзүү керек.',
    '',
    '[EN] Checking the case materials',
    'This archive holds the evidence copies, the custody log, the derived data, the report and the seals. To repeat every computation and check that nothing was changed:',
    `  1. Install the same soz version ${version} from its release file ${tarball} ("npm run release" in the sources of that version makes it; no network needed, only Node.js):`,
    install,
    check,
    `  2. Verify the archive: ${packageName} verify ${bundleName}`,
    `     (with the examiner's key: ${packageName} verify ${bundleName} --public-key KEY.pub.pem)`,
    '  Exit code 0: everything matches; exit code 1: the first difference and where it is are named.',
    "  Exit code 4: nothing differs, but the examiner's records changed after the last report: it must be rendered again.",
    '',
  ].join('\n');
}
