/**
 * Progress of long commands on stderr, only where someone watches it: stderr is a terminal, not
 * CI, no `--quiet`. One line, rewritten at most every `THROTTLE_MS`, with counts and an estimate
 * of the time left in the current stage; cleared when the command ends.
 */
import type { NoticeTally, ProgressListener, ProgressStage } from '../core/progress.js';
import type { CliIo } from './io.js';
import type { Translator } from './i18n.js';

const THROTTLE_MS = 250;

/** A progress display: `listener` for the pipeline, `end` to clear the line before the command prints. */
export interface ProgressDisplay {
  readonly listener: ProgressListener | undefined;
  readonly end: () => void;
}

/**
 * The progress display of `command`, or one that shows nothing when stderr is no terminal, `CI`
 * is set or `quiet`. `clock` gives milliseconds (monotonic); it is only ever shown, never recorded.
 */
export function progressDisplay(io: CliIo, command: string, quiet: boolean, t: Translator['t'], clock: () => number = () => performance.now()): ProgressDisplay {
  const ci = io.env['CI'] !== undefined && io.env['CI'] !== '' && io.env['CI'] !== 'false';
  if (quiet || ci || io.stderrIsTerminal !== true) return { listener: undefined, end: () => undefined };
  let shown = false;
  let lastWrite = -Infinity;
  let stage = '';
  let stageStart = 0;
  const listener: ProgressListener = (step) => {
    const now = clock();
    if (step.stage !== stage) {
      stage = step.stage;
      stageStart = now;
    }
    if (now - lastWrite < THROTTLE_MS && step.done < step.total) return;
    lastWrite = now;
    const elapsed = now - stageStart;
    const left = step.done > 0 && step.done < step.total ? t('progress.left', { time: formatSeconds((elapsed / step.done) * (step.total - step.done), t) }) : '';
    io.stderr(`\r\u001b[K${command}: ${t(STAGE_KEYS[step.stage])} ${step.done}/${step.total}${left}`);
    shown = true;
  };
  return {
    listener,
    end: () => {
      if (shown) io.stderr('\r\u001b[K');
      shown = false;
    },
  };
}

/** The pipeline's stage names (English, in `ProgressStep.stage`) with their catalogue keys: every stage has one. */
const STAGE_KEYS: Readonly<Record<ProgressStage, string>> = {
  'files read and checked': 'progress.stage.read',
  'evidence analysed': 'progress.stage.analysed',
  analyses: 'progress.stage.analyses',
  'documents read for excerpts': 'progress.stage.excerpts',
  'formats rendered': 'progress.stage.rendered',
  'evidence hashed': 'progress.stage.evidence-hashed',
  'recorded files hashed': 'progress.stage.recorded-hashed',
  'artefacts compared': 'progress.stage.compared',
  'reports re-rendered': 'progress.stage.rerendered',
};

function formatSeconds(ms: number, t: Translator['t']): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 60 ? t('progress.seconds', { seconds }) : t('progress.minutes', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}

/**
 * One line naming every notice code of a command's documents with its count: nothing left only in
 * JSON files. The codes stay as they are; the words around them are in the examiner's language.
 */
export function noticeLine(tallies: readonly NoticeTally[], t: Translator['t']): string {
  if (tallies.length === 0) return t('notices.none');
  return t('notices.list', { notices: tallies.map((tally) => `${tally.code} ×${tally.count}${tally.warning ? ` (${t('notices.warning')})` : ''}`).join(', ') });
}
