import type { Command } from 'commander';
import { PERSON_RELATIONS, SETTABLE_RELATIONS } from '../../core/persons.js';
import type { PersonRelation } from '../../core/persons.js';
import { CaseWorkspace } from '../../case/workspace.js';
import { addPerson, readPersonRelations, readPersons, setRelation } from '../../pipeline/examiner.js';
import type { CliContext, RegisterCommands } from '../context.js';
import type { Translator } from '../i18n.js';
import { readLabels } from '../../pipeline/report.js';
import { relationBasisText } from '../../report/basis-text.js';
import type { ConclusionLabels } from '../../report/labels.js';

const collect = (value: string, previous: string[]) => [...previous, value];

/** One relation as a terminal line: relation, place, basis (worded by the English labels), and who set it when the examiner did. */
function relationLine(relation: PersonRelation, labels: ConclusionLabels, t: Translator['t']): string {
  const place = `${relation.evidenceName}${relation.messageId !== undefined ? ` #${relation.messageId}` : relation.segmentId !== undefined ? ` (${relation.segmentId})` : ''}`;
  return `  ${relation.relation}: ${place} — ${relation.by === 'data' ? relationBasisText(labels, relation.basis) : `${relation.reason}${t('person.set-by', { actor: relation.actor })}`}`;
}

/** `soz person add|list` and `soz relation set`: persons of interest and their relation to each item or message. */
export const registerPersonCommands: RegisterCommands = (program: Command, context: CliContext) => {
  const person = program.command('person').description('persons of interest: the accounts that are theirs and their relation to each item');
  person
    .command('add')
    .argument('<dir>', 'case folder')
    .requiredOption('--name <name>', 'the name as the ordering body gives it')
    .option('--handle <account>', 'an account name, id or phone-book name that is theirs in the evidence (repeatable)', collect, [])
    .option('--note <text>', 'what the attribution of the accounts rests on (required)')
    .option('--actor <name>', 'who records it (default: the examiner)')
    .description('record a person of interest; relations to every item are then derived from the data')
    .action(async (dir: string, options: { name: string; handle: string[]; note?: string; actor?: string }) => {
      const record = await context.writeCase(dir, 'person add', (workspace) => addPerson(workspace, options.name, options.handle, options.note ?? '', { clock: context.io.now, actor: context.actorFor(options, workspace) }));
      context.say(`${record.id} ${record.name}: ${record.handles.join(', ')}`);
    });
  person
    .command('list')
    .argument('<dir>', 'case folder')
    .option('--json', 'print the persons and relations as JSON (keys and codes in English) instead of lines')
    .description('the persons of interest and every relation: derived from the data or set by the examiner')
    .action((dir: string, options: { json?: boolean }) => {
      const workspace = CaseWorkspace.open(dir);
      const relations = readPersonRelations(workspace);
      const persons = readPersons(workspace);
      if (options.json) {
        context.json({ persons, relations });
        return;
      }
      const labels = readLabels(context.translator.language);
      for (const record of persons) {
        context.say(`${record.id} ${record.name} (${record.handles.join(', ')})`);
        for (const relation of relations.filter((candidate) => candidate.personId === record.id)) context.say(relationLine(relation, labels, context.translator.t));
      }
      if (persons.length === 0) context.tell('person.none', { dir });
    });

  program
    .command('relation')
    .description('set a person\'s relation to an item or message by hand')
    .command('set')
    .argument('<dir>', 'case folder')
    .requiredOption('--person <id>', 'the person (P1, P2…; see soz person list)')
    .requiredOption('--doc <DOC[#MESSAGE]>', 'document id or evidence file name, with #MESSAGE for one message of a chat')
    .requiredOption('--relation <relation>', `${SETTABLE_RELATIONS.join(', ')} (none: no relation; ${PERSON_RELATIONS.join(', ')} as derived)`)
    .option('--reason <text>', 'what the relation rests on (required)')
    .option('--actor <name>', 'who records it (default: the examiner)')
    .action(async (dir: string, options: { person: string; doc: string; relation: string; reason?: string; actor?: string }) => {
      const record = await context.writeCase(dir, 'relation set', (workspace) =>
        setRelation(workspace, { personId: options.person, target: options.doc, relation: options.relation, reason: options.reason ?? '' }, { clock: context.io.now, actor: context.actorFor(options, workspace) }),
      );
      context.tell('person.relation-set', { person: record.personId, relation: record.relation, target: `${record.documentId}${record.messageId !== undefined ? `#${record.messageId}` : ''}` });
    });
};
