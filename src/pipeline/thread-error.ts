/**
 * Errors that cross between threads (the report thread, the report's list threads): structured
 * clone keeps only an error's name, message and stack, so what says which error it was is sent as
 * plain data and raised again as the same `UserError`, `InternalError` or system error.
 */
import { InternalError, UserError } from '../core/errors.js';
import type { MessageRef } from '../core/messages.js';

/** An error as it crosses back: enough to raise the same `UserError`, `InternalError` or system error. */
export interface ThreadError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly code?: string;
  readonly path?: string;
  readonly exitCode?: number;
  readonly localised?: unknown;
}

/** The members of an error that say what it was (structured clone keeps only name, message and stack). */
export function threadError(error: unknown): ThreadError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const fields = error as Error & { code?: unknown; path?: unknown; exitCode?: unknown; localised?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(error.stack !== undefined ? { stack: error.stack } : {}),
    ...(typeof fields.code === 'string' ? { code: fields.code } : {}),
    ...(typeof fields.path === 'string' ? { path: fields.path } : {}),
    ...(typeof fields.exitCode === 'number' ? { exitCode: fields.exitCode } : {}),
    ...(fields.localised !== undefined ? { localised: fields.localised } : {}),
  };
}

/** The error a thread raised, as the calling thread raises it. */
export function raisedAgain(error: ThreadError): Error {
  if (error.name === 'UserError') return new UserError(error.message, error.code ?? 'report.failed', error.exitCode, error.localised as MessageRef | undefined);
  const raised = error.name === 'InternalError' ? new InternalError(error.message) : new Error(error.message);
  return Object.assign(raised, { ...(error.stack !== undefined ? { stack: error.stack } : {}), ...(error.code !== undefined ? { code: error.code } : {}), ...(error.path !== undefined ? { path: error.path } : {}) });
}
