/**
 * The labels of the examiner's desk (`templates/<lang>/desk.yaml`): every key present and
 * non-empty, no other key — the same rule as the conclusion's labels. Names of voices,
 * categories and counter-indicators are not repeated here: the desk takes them from the
 * conclusion's labels of the same language. Pure: reading the files is the pipeline's.
 */
import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');

/** Every label of the desk's page. Adding a label: one key here, one line per language file. */
export const DESK_LABEL_KEYS = [
  'title', 'candidates', 'document', 'concordance', 'procedure', 'draft',
  'filterCategory', 'filterAuthor', 'filterOriginalAuthor', 'filterVoice', 'filterCounter', 'filterStatus', 'filterDocument', 'all',
  'statusOpen', 'statusAccepted', 'statusRejected', 'progress', 'shown',
  'accept', 'reject', 'voice', 'undo', 'byRule', 'bearsOn', 'reason', 'reasonPlaceholder', 'recentReasons', 'saved', 'busy', 'failed',
  'author', 'originalAuthor', 'time', 'role', 'replyTo', 'forwardedFrom', 'message', 'page', 'counterIndicators', 'mainstreamMeaning', 'examinerVoice',
  'search', 'lemma', 'sortDocument', 'sortLeft', 'sortRight', 'collocates', 'dispersion', 'occurrences', 'frequency',
  'steps', 'questions', 'guardFlagged', 'blocksFinal', 'nothingBlocks', 'renderDraft', 'openDraft',
  'addFinding', 'category', 'selectionHint', 'keys',
  'known', 'neverCompared', 'showPassage', 'showCandidate',
  'stateOpen', 'stateDone', 'stateSkipped', 'stateBlocked', 'waitingFor', 'stepsHint', 'stepNote', 'stepDone', 'skipFor', 'decidedBy', 'recordStep', 'withdraw', 'withdrawReason',
  'dispositionOpen', 'dispositionAnswered', 'dispositionReformulated', 'dispositionDeclined', 'questionText', 'consentRef', 'consentDate', 'decideQuestion', 'answer', 'recordAnswer', 'answerRecorded',
  'items', 'relationAuthored', 'relationForwarded', 'relationReaction', 'relationStored', 'relationUnknown', 'relationNote', 'recordRelation',
  'filterDateFrom', 'filterDateTo', 'undated', 'withUndated', 'noDate',
  'picture', 'pdfPage', 'pageNormalised', 'pageTextDiffers', 'pageUnreadable', 'noPoppler', 'noPicture',
  'frequencyPerDocument', 'frequencyOverTime',
  'errorNothingToUndo', 'errorNoDraft', 'errorNotJson', 'errorBadBody', 'errorBodyTooLarge', 'errorBadRequest', 'errorNoSuchPage', 'errorUnknownDocument', 'errorEmptyQuery', 'errorInternal',
  'errorHost', 'errorOrigin', 'errorOpaque', 'errorNoToken', 'errorUnknownFinding', 'errorNotOnPage',
  'attachFiles', 'attached', 'errorAttachmentTooLarge', 'overrideReason', 'overrideAnswer', 'answerKept', 'questionNew', 'addQuestion',
  'intro', 'factsHint', 'recordFacts', 'notRecorded',
  'factKind', 'factForm', 'factGroundsType', 'factGroundsBody', 'factGroundsNumber', 'factGroundsDate', 'factReceivedDate', 'factStartDate', 'factEndDate', 'factMaterials', 'factPackaging', 'factCircumstances',
  'roleAuthored', 'roleForwarded', 'roleReply', 'roleService', 'roleReaction', 'roleDeleted', 'roleMediaOnly', 'roleUninterpreted',
  'fieldExperience', 'fieldInstitution', 'fieldPlace', 'fieldPresent', 'fieldQualification', 'fieldReviewer', 'fieldSources', 'fieldTranslator', 'datePlaceholder',
  'errorFactsEmpty', 'errorInvalidFacts', 'errorNotRecorded',
  'experts', 'expertName', 'speciality', 'qualification', 'experienceYears', 'institution', 'addExpert', 'acknowledgeNote', 'acknowledge', 'acknowledged', 'signNote', 'sign',
  'signatureNone', 'signatureCurrent', 'signatureStale', 'joint', 'jointConclusions', 'recordJoint', 'dissentText', 'recordDissent', 'expertOfPart',
  'rabatFindings', 'rabatUncovered', 'recordRabat',
] as const;

/** Schema of one language's desk label file. */
export const deskLabelsSchema = z.strictObject(Object.fromEntries(DESK_LABEL_KEYS.map((key) => [key, text])) as Record<(typeof DESK_LABEL_KEYS)[number], typeof text>);

/** The desk's labels of one language. */
export type DeskLabels = z.infer<typeof deskLabelsSchema>;

/** Problems of a desk label file, each naming the file, the key and the fix; empty when valid. */
export function deskLabelProblems(path: string, raw: unknown): string[] {
  const parsed = deskLabelsSchema.safeParse(raw);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const where = issue.path.map(String).join('.') || '(root)';
    if (issue.code === 'unrecognized_keys') return `${path}: ${where}: key(s) ${issue.keys.join(', ')} not in the desk label schema; remove them, or add each to src/report/desk-labels.ts and to every language`;
    return `${path}: ${where}: ${issue.message}; give the label in this language`;
  });
}
