import type { Command } from 'commander';
import type { OcrLimits } from '../pipeline/ocr.js';
import { DEFAULT_OCR_LIMITS } from '../pipeline/ocr.js';
import { positiveInteger } from './options.js';

/** The OCR limit flags as commander gives them. */
export interface OcrFlags {
  readonly maxOcrSeconds?: number;
  readonly maxOcrPixels?: number;
}

/** Adds the OCR limit flags (with their defaults) to `soz analyze` and `soz run`. */
export function withOcrOptions(command: Command): Command {
  return command
    .option('--max-ocr-seconds <n>', `longest OCR run on one picture, in seconds (default ${DEFAULT_OCR_LIMITS.timeoutSeconds})`, positiveInteger)
    .option('--max-ocr-pixels <n>', `largest picture OCR is run on, in pixels (default ${DEFAULT_OCR_LIMITS.maxPixels})`, positiveInteger);
}

/** The OCR limits a command was given, defaults filled in. */
export function ocrLimitsFrom(flags: OcrFlags): OcrLimits {
  return { timeoutSeconds: flags.maxOcrSeconds ?? DEFAULT_OCR_LIMITS.timeoutSeconds, maxPixels: flags.maxOcrPixels ?? DEFAULT_OCR_LIMITS.maxPixels };
}
