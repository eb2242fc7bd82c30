/**
 * The examiner's desk: a local web server over one case. It answers on 127.0.0.1 only, on a port
 * the system picks (or `--port`), to requests that carry the one-time token of its address
 * (`security.ts`). Reads open the case as a reader; every write runs one case function under
 * the case lock (`actions.ts`), one at a time, so tabs and CLI commands never lose a decision.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { z } from 'zod';
import type { ReportLanguage } from '../core/case.js';
import { defaultActor } from '../core/case.js';
import { InternalError, messageOf, UserError } from '../core/errors.js';
import { CaseWorkspace } from '../case/workspace.js';
import { readCaseFile } from '../case/snapshot.js';
import type { Clock } from '../case/workspace.js';
import { INSTALL_ROOT } from '../pipeline/install.js';
import { readDeskLabels } from '../pipeline/desk-labels.js';
import { readCliCatalogue } from '../pipeline/cli-catalogue.js';
import { formatMessage } from '../core/messages.js';
import type { DeskLabels } from '../report/desk-labels.js';
import { readLabels } from '../pipeline/report.js';
import { admit, SECURITY_HEADERS, TOKEN_HEADER, tokenCookie } from './security.js';
import type { Refusal } from './security.js';
import { DeskError } from './errors.js';
import type { DeskActor } from './actions.js';
import {
  acknowledgeExpertFrom,
  addExpertFrom,
  addFinding,
  addQuestionFrom,
  addSchema,
  answerFrom,
  answerSchema,
  changeVoice,
  decide,
  decideByRule,
  decideQuestionFrom,
  decideSchema,
  dissentSchema,
  expertActSchema,
  expertAddSchema,
  factsSchema,
  jointSchema,
  MAX_ATTACHMENT_BYTES,
  overrideAnswerFrom,
  overrideSchema,
  questionAddSchema,
  questionSchema,
  rabatSchema,
  recordDissentFrom,
  recordJointFrom,
  recordRabatFrom,
  recordStepFrom,
  relateItemFrom,
  relateSchema,
  renderDraft,
  ruleSchema,
  setFactsFrom,
  signExpertFrom,
  stepSchema,
  UndoStack,
  undoLast,
  undoSchema,
  voiceSchema,
  withdrawSchema,
  withdrawStepFrom,
} from './actions.js';
import { knownMaterial } from './known.js';
import { candidateViews, caseSummary, concordance, documentList, documentView, findingPicture, pageRegion, procedureView } from './views.js';

/** How the desk is started. */
export interface DeskOptions {
  readonly caseDir: string;
  /** 0: the system picks a free port. */
  readonly port: number;
  readonly language: ReportLanguage;
  readonly clock: Clock;
  /** Who records (`--actor`); '' when none was named: the examiner, or for an expert's own act (acknowledge, sign, dissent) the expert, as the CLI. */
  readonly actor: string;
  /** How long a write waits for another command's case lock before answering 409 (default 2 s). */
  readonly lockWaitMs?: number;
  /** A fixed token (tests); default 32 random bytes. */
  readonly token?: string;
}

/** A running desk. */
export interface Desk {
  /** The address to open, with the token. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** Stops accepting requests and resolves once the server is closed. */
  close(): Promise<void>;
}

/** The page and its style sheet, from the installation's templates. */
const ASSETS: Readonly<Record<string, { path: string; type: string }>> = {
  '/': { path: join(INSTALL_ROOT, 'templates', 'desk', 'index.html'), type: 'text/html; charset=utf-8' },
  '/desk.css': { path: join(INSTALL_ROOT, 'templates', 'desk', 'desk.css'), type: 'text/css; charset=utf-8' },
};
/** The page's script modules, compiled by `npm run build` from `desk-ui/` (lower-case names only: no path can be named). */
const SCRIPT_DIR = join(INSTALL_ROOT, 'dist', 'desk-ui');
const SCRIPT_NAME = /^\/([a-z-]+\.js)$/;

function assetOf(pathname: string): { path: string; type: string } | undefined {
  const script = SCRIPT_NAME.exec(pathname);
  if (script && existsSync(join(SCRIPT_DIR, script[1]!))) return { path: join(SCRIPT_DIR, script[1]!), type: 'text/javascript; charset=utf-8' };
  return ASSETS[pathname];
}

/**
 * The draft is the report's own HTML (with its inline style sheet): shown under a policy of its
 * own that allows no script at all and sandboxes the page.
 */
const DRAFT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

const MAX_BODY_BYTES = 1 << 20;
/** A step record may carry attached files in base64 (4 characters per 3 bytes) beside its note and fields. */
const BODY_LIMITS: Readonly<Record<string, number>> = { '/api/step': Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + MAX_BODY_BYTES };

/** A refusal with its HTTP status, for the one place that answers errors. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The label of each refusal of the door. */
const REFUSALS: Readonly<Record<Refusal, keyof DeskLabels>> = { host: 'errorHost', origin: 'errorOrigin', opaque: 'errorOpaque', token: 'errorNoToken' };

/** The desk's own errors (codes of its views and actions) by the label that says them. */
const DESK_ERRORS: Readonly<Record<string, keyof DeskLabels>> = {
  'desk.nothing-to-undo': 'errorNothingToUndo',
  'desk.unknown-document': 'errorUnknownDocument',
  'desk.empty-query': 'errorEmptyQuery',
  'desk.unknown-finding': 'errorUnknownFinding',
  'desk.not-on-page': 'errorNotOnPage',
  'desk.attachment-too-large': 'errorAttachmentTooLarge',
};

/**
 * Refusals of case functions whose CLI text tells what to type on the command line (case facts,
 * experts), by code: said from the desk's labels in a desk of another language (an English desk
 * keeps the case function's own line, which names the steps and values). `{problems}`: what follows
 * "cannot …:" in the English line.
 */
const DESK_WORDED_ERRORS: Readonly<Record<string, keyof DeskLabels>> = {
  'case.facts-empty': 'errorFactsEmpty',
  'case.invalid-facts': 'errorInvalidFacts',
  'expert.invalid': 'errorNotRecorded',
  'expert.unknown': 'errorNotRecorded',
  'expert.invalid-joint': 'errorNotRecorded',
  'expert.invalid-dissent': 'errorNotRecorded',
};

/**
 * A case function's refusal in the desk's language: the desk's own errors from its labels, a
 * refusal worded for the page (`DESK_WORDED_ERRORS`), one that carries a message key from the CLI's
 * catalogue of the language, else the English line (English is the catalogue's fallback).
 */
function explain(error: UserError, labels: DeskLabels, catalogue: Readonly<Record<string, string>>, english: boolean): string {
  const own = DESK_ERRORS[error.code];
  if (own) return formatMessage(labels[own], error instanceof DeskError ? error.params : {});
  const worded = english ? undefined : DESK_WORDED_ERRORS[error.code];
  if (worded) {
    // The sub-problems are catalogue messages: said in the desk's language.
    const problems = error.localised?.params['problems'] ?? /: cannot [^:]+: (.*)$/s.exec(error.message)?.[1] ?? '';
    return formatMessage(labels[worded], { problems }, (key) => catalogue[key]);
  }
  const template = error.localised ? catalogue[error.localised.key] : undefined;
  return template === undefined ? error.message : formatMessage(template, error.localised!.params, (key) => catalogue[key]);
}

/** Starts the desk for a case; resolves once it listens. */
export async function startDesk(options: DeskOptions): Promise<Desk> {
  CaseWorkspace.open(options.caseDir); // "not a case" before anything listens
  if (!existsSync(join(SCRIPT_DIR, 'app.js'))) throw new UserError(`${join(SCRIPT_DIR, 'app.js')}: the desk's page script is not built; run "npm run build"`, 'desk.not-built');
  const token = options.token ?? randomBytes(32).toString('base64url');
  const labels = readDeskLabels(options.language);
  const catalogue = options.language === 'en' ? {} : readCliCatalogue(options.language).messages;
  const undo = new UndoStack();
  let writes: Promise<unknown> = Promise.resolve();
  let port = 0;

  const who = (workspace: CaseWorkspace): DeskActor => ({ clock: options.clock, actor: options.actor || defaultActor(workspace.metadata) });
  const read = <T>(view: (workspace: CaseWorkspace) => T): T => view(CaseWorkspace.open(options.caseDir));
  /** One write at a time in this server; each under the case lock, 409 when another command holds it. */
  const write = <T>(action: (workspace: CaseWorkspace) => T | Promise<T>): Promise<T> => {
    const run = async (): Promise<T> => {
      let opened: CaseWorkspace;
      try {
        opened = CaseWorkspace.openForWriting(options.caseDir, { command: 'desk', now: options.clock, waitMs: options.lockWaitMs ?? 2000 }).workspace;
      } catch (error) {
        if (error instanceof UserError && error.code === 'case.locked') throw new HttpError(409, explain(error, labels, catalogue, options.language === 'en'));
        throw error;
      }
      try {
        return await action(opened);
      } finally {
        opened.close();
      }
    };
    const result = writes.then(run, run);
    writes = result.catch(() => undefined);
    return result;
  };
  const parse = <S extends z.ZodTypeAny>(schema: S, body: unknown): z.infer<S> => {
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, `${labels.errorBadRequest}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ')}`);
    return parsed.data as z.infer<S>;
  };

  const getRoutes: Record<string, (url: URL) => unknown> = {
    '/api/session': () => {
      const conclusion = readLabels(options.language);
      return { language: options.language, labels, voices: conclusion.voices, categories: conclusion.categories, counterIndicators: conclusion.counterIndicators, undoDepth: undo.size, attachmentMiB: MAX_ATTACHMENT_BYTES / 1024 / 1024 };
    },
    '/api/case': () => read(caseSummary),
    '/api/candidates': () => read(candidateViews),
    '/api/documents': () => read(documentList),
    '/api/document': (url) => read((workspace) => documentView(workspace, url.searchParams.get('id') ?? '')),
    '/api/procedure': () => read((workspace) => procedureView(workspace, options.language)),
    '/api/known': () => read((workspace) => knownMaterial(workspace, options.language)),
    '/api/concordance': (url) => read((workspace) => concordance(workspace, url.searchParams.get('word') ?? '', url.searchParams.get('lemma') === '1')),
    '/api/page-region': (url) => read((workspace) => pageRegion(workspace, url.searchParams.get('finding') ?? '')),
  };
  const postRoutes: Record<string, (body: unknown) => Promise<unknown>> = {
    '/api/decide': (body) => write((workspace) => decide(workspace, parse(decideSchema, body), who(workspace), undo)),
    '/api/rule': (body) => write((workspace) => decideByRule(workspace, parse(ruleSchema, body), who(workspace), undo)),
    '/api/voice': (body) => write((workspace) => changeVoice(workspace, parse(voiceSchema, body), who(workspace), undo)),
    '/api/undo': (body) => write((workspace) => {
      parse(undoSchema, body);
      return undoLast(workspace, who(workspace), undo);
    }),
    '/api/add': (body) => write((workspace) => addFinding(workspace, parse(addSchema, body), who(workspace))),
    '/api/draft': () => write((workspace) => renderDraft(workspace, options.language, who(workspace))),
    '/api/step': (body) => write((workspace) => recordStepFrom(workspace, parse(stepSchema, body), who(workspace))),
    '/api/step-withdraw': (body) => write((workspace) => withdrawStepFrom(workspace, parse(withdrawSchema, body), who(workspace))),
    '/api/question': (body) => write((workspace) => decideQuestionFrom(workspace, parse(questionSchema, body), who(workspace))),
    '/api/answer': (body) => write((workspace) => answerFrom(workspace, parse(answerSchema, body), who(workspace))),
    '/api/relate': (body) => write((workspace) => relateItemFrom(workspace, parse(relateSchema, body), who(workspace))),
    '/api/answer-override': (body) => write((workspace) => overrideAnswerFrom(workspace, parse(overrideSchema, body), who(workspace))),
    '/api/question-add': (body) => write((workspace) => addQuestionFrom(workspace, parse(questionAddSchema, body), who(workspace))),
    '/api/case-facts': (body) => write((workspace) => setFactsFrom(workspace, parse(factsSchema, body), who(workspace))),
    '/api/expert-add': (body) => write((workspace) => addExpertFrom(workspace, parse(expertAddSchema, body), who(workspace))),
    '/api/expert-acknowledge': (body) => write((workspace) => acknowledgeExpertFrom(workspace, parse(expertActSchema, body), who(workspace), options.actor !== '')),
    '/api/expert-sign': (body) => write((workspace) => signExpertFrom(workspace, parse(expertActSchema, body), who(workspace), options.actor !== '')),
    '/api/joint': (body) => write((workspace) => recordJointFrom(workspace, parse(jointSchema, body), who(workspace))),
    '/api/rabat': (body) => write((workspace) => recordRabatFrom(workspace, parse(rabatSchema, body), who(workspace))),
    '/api/dissent': (body) => write((workspace) => recordDissentFrom(workspace, parse(dissentSchema, body), who(workspace), options.actor !== '')),
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const admission = admit(
      {
        method: request.method ?? 'GET',
        host: request.headers.host,
        origin: request.headers.origin,
        cookie: request.headers.cookie,
        tokenHeader: headerValue(request.headers[TOKEN_HEADER]),
        queryToken: url.searchParams.get('token'),
      },
      token,
      port,
    );
    if (!admission.ok) return send(response, admission.status, { error: formatMessage(labels[REFUSALS[admission.refusal]], admission.params) });
    if (admission.viaQuery) {
      // The token moves into a cookie and out of the address bar (and the browser's history).
      response.setHeader('Set-Cookie', tokenCookie(token));
      response.setHeader('Location', url.pathname);
      response.statusCode = 303;
      response.end();
      return;
    }
    try {
      const asset = request.method === 'GET' ? assetOf(url.pathname) : undefined;
      if (asset) return sendFile(response, asset);
      if (request.method === 'GET' && url.pathname === '/draft') return sendDraft(response, options.caseDir, options.language, labels);
      if (request.method === 'GET' && url.pathname === '/picture') return sendPicture(response, await read((workspace) => findingPicture(workspace, url.searchParams.get('finding') ?? '')), labels);
      if (request.method === 'GET' && getRoutes[url.pathname]) return send(response, 200, await getRoutes[url.pathname]!(url));
      if (request.method === 'POST' && postRoutes[url.pathname]) {
        if (!(request.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, labels.errorNotJson);
        return send(response, 200, await postRoutes[url.pathname]!(await readJson(request, labels, BODY_LIMITS[url.pathname] ?? MAX_BODY_BYTES)));
      }
      throw new HttpError(getRoutes[url.pathname] || postRoutes[url.pathname] ? 405 : 404, `${request.method ?? ''} ${url.pathname}: ${labels.errorNoSuchPage}`);
    } catch (error) {
      if (error instanceof HttpError) return send(response, error.status, { error: error.message });
      if (error instanceof UserError) return send(response, 400, { error: explain(error, labels, catalogue, options.language === 'en'), code: error.code });
      return send(response, 500, { error: `${labels.errorInternal}: ${messageOf(error)}` });
    }
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, { error: messageOf(error) });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new UserError(`--port ${options.port}: the port is in use; choose another or leave --port out`, 'desk.port-in-use') : error));
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new InternalError('the desk server has no TCP address');
  port = address.port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(body));
}

function sendFile(response: ServerResponse, asset: { path: string; type: string }): void {
  response.statusCode = 200;
  response.setHeader('Content-Type', asset.type);
  response.end(readFileSync(asset.path));
}

/** A picture of the evidence (served under the desk's policy, `img-src 'self'`); 404 when the candidate has none. */
function sendPicture(response: ServerResponse, picture: { bytes: Buffer; mediaType: string } | undefined, labels: DeskLabels): void {
  if (!picture) throw new HttpError(404, labels.noPicture);
  response.statusCode = 200;
  response.setHeader('Content-Type', picture.mediaType);
  response.end(picture.bytes);
}

/** The case's rendered HTML draft, under the draft's own policy; 404 until one is rendered. */
function sendDraft(response: ServerResponse, caseDir: string, language: ReportLanguage, labels: DeskLabels): void {
  const workspace = CaseWorkspace.open(caseDir);
  // After a final conclusion a draft goes beside it as report.<lang>.draft.html.
  const relative = [`reports/report.${language}.draft.html`, `reports/report.${language}.html`].find((candidate) => workspace.has(candidate));
  const bytes = relative === undefined ? null : readCaseFile(workspace.dir, relative);
  if (bytes === null) throw new HttpError(404, labels.errorNoDraft);
  response.statusCode = 200;
  response.setHeader('Content-Security-Policy', DRAFT_POLICY);
  response.setHeader('Content-Type', 'text/html; charset=utf-8');
  response.end(bytes);
}

/** The request body as JSON, at most `limit` bytes (413 past it); anything else is a 400. */
async function readJson(request: IncomingMessage, labels: DeskLabels, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, formatMessage(labels.errorBodyTooLarge, { limit: Math.round(limit / 1024 / 1024) }));
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    throw new HttpError(400, labels.errorBadBody);
  }
}
