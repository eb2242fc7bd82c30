// A generated Telegram Desktop full-account JSON export for the benchmarks (bench-ingest,
// bench-analyze): fictional Russian / Kyrgyz / English text, forwards, replies, blockquotes and
// other entities, reactions, service messages, media; the same bytes for the same size.
import { Buffer } from 'node:buffer';
import { createWriteStream, renameSync } from 'node:fs';
import { mulberry32 } from './seeded-random.mjs';

export const WORDS = {
  ru: 'сегодня встреча перенесена на завтра пожалуйста проверьте документы отчёт готов спасибо коллеги вопрос по расписанию ответ будет позже хорошо договорились посмотрю вечером отправил файл в общую папку'.split(' '),
  ky: 'бүгүн жолугушуу эртеңге жылдырылды сураныч документтерди текшергиле отчёт даяр рахмат кесиптештер жооп кийинчерээк болот макул кечинде карайм файлды жалпы папкага жибердим'.split(' '),
  en: 'the meeting moved to tomorrow please check the documents report is ready thanks colleagues question about the schedule answer later fine agreed will look tonight sent the file to the shared folder'.split(' '),
};
const NAMES = ['Айгүл Токтосунова', 'Bolot Asanov', 'Нурлан', 'Elena K.', 'Канат', 'Дарья Смирнова', 'Тилек', 'Mira', 'Азамат Ж.', 'Ольга'];
const CHANNELS = ['Новости района (вымышл.)', 'Fictional Tech Digest', 'Шаар жаңылыктары (ойдон)', 'Weather Bot Channel'];

function sentence(rand) {
  const langs = ['ru', 'ky', 'en'];
  const words = WORDS[langs[Math.floor(rand() * 3)]];
  const n = 4 + Math.floor(rand() * 22);
  const out = [];
  for (let i = 0; i < n; i++) out.push(words[Math.floor(rand() * words.length)]);
  const s = out.join(' ');
  return s[0].toUpperCase() + s.slice(1) + (rand() < 0.2 ? '?' : '.');
}

function message(rand, id, t, chatKind) {
  const who = Math.floor(rand() * NAMES.length);
  const base = { id, type: 'message', date: localDate(t), date_unixtime: String(t), from: NAMES[who], from_id: `user${1000 + who}` };
  const r = rand();
  if (r < 0.03) {
    const { from, from_id, ...rest } = base;
    return { ...rest, type: 'service', actor: from, actor_id: from_id, action: rand() < 0.5 ? 'invite_members' : 'pin_message', ...(rand() < 0.5 ? { members: [NAMES[(who + 1) % NAMES.length]] } : { message_id: Math.max(1, id - 3) }), text: '', text_entities: [] };
  }
  const m = { ...base };
  if (rand() < 0.3) Object.assign(m, { edited: localDate(t + 60), edited_unixtime: String(t + 60) });
  if (chatKind !== 'channel' && rand() < 0.15) m.forwarded_from = CHANNELS[Math.floor(rand() * CHANNELS.length)];
  if (m.forwarded_from) m.forwarded_from_id = `channel${500 + CHANNELS.indexOf(m.forwarded_from)}`;
  if (rand() < 0.2 && id > 1) m.reply_to_message_id = id - 1 - Math.floor(rand() * Math.min(id - 1, 20));
  if (rand() < 0.12) Object.assign(m, { photo: '(File not included. Change data exporting settings to download.)', photo_file_size: 123456, width: 1280, height: 720 });
  else if (rand() < 0.05) Object.assign(m, { file: '(File not included. Change data exporting settings to download.)', file_name: 'отчёт.xlsx', file_size: 9000, mime_type: 'application/vnd.ms-excel' });
  const parts = [];
  const n = rand() < 0.15 && m.photo ? 0 : 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) parts.push(sentence(rand));
  if (rand() < 0.6) {
    m.text = parts.join(' ');
    m.text_entities = m.text === '' ? [] : [{ type: 'plain', text: m.text }];
  } else {
    const ents = [];
    for (const p of parts) {
      const k = rand();
      if (k < 0.15) ents.push({ type: 'bold', text: p });
      else if (k < 0.3) ents.push({ type: 'blockquote', text: p, collapsed: false });
      else if (k < 0.4) ents.push({ type: 'text_link', text: p, href: 'https://example.org/x' });
      else if (k < 0.45) ents.push({ type: 'hashtag', text: '#жаңылык' });
      else ents.push({ type: 'plain', text: `${p} \\ "цитата" {x}` });
      ents.push({ type: 'plain', text: '\n' });
    }
    m.text = ents.map((e) => (e.type === 'plain' ? e.text : e));
    m.text_entities = ents;
  }
  if (rand() < 0.1) {
    const r2 = who % NAMES.length;
    m.reactions = [{ type: 'emoji', count: 2, emoji: '👍', recent: [{ from: NAMES[(r2 + 2) % NAMES.length], from_id: `user${1000 + ((r2 + 2) % NAMES.length)}`, date: localDate(t + 300) }, { from: NAMES[(r2 + 3) % NAMES.length], from_id: `user${1000 + ((r2 + 3) % NAMES.length)}`, date: localDate(t + 400) }] }];
  }
  return m;
}

function localDate(t) {
  return new Date((t + 6 * 3600) * 1000).toISOString().slice(0, 19);
}

/**
 * Writes a deterministic Telegram Desktop full-account JSON export of about `targetBytes` to `path`
 * (through `path.partial`, renamed at the end, so an interrupted run leaves no half file behind).
 */
export async function generateTelegramExport(path, targetBytes) {
  const rand = mulberry32(20240301);
  const tmp = `${path}.partial`;
  const out = createWriteStream(tmp, { highWaterMark: 4 << 20 });
  let written = 0;
  let pending = [];
  let pendingBytes = 0;
  const write = async (s) => {
    pending.push(s);
    pendingBytes += s.length;
    written += Buffer.byteLength(s);
    if (pendingBytes > 1 << 22) {
      const chunk = pending.join('');
      pending = [];
      pendingBytes = 0;
      if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
    }
  };
  await write('{\n "about": "Here is the data you requested (generated by soz bench; fictional).",\n "personal_information": {\n  "user_id": 1000,\n  "first_name": "Айгүл",\n  "last_name": "Токтосунова",\n  "phone_number": "+996 000 000000",\n  "bio": ""\n },\n "contacts": {\n  "about": "fictional",\n  "list": []\n },\n "chats": {\n  "about": "This page lists all chats from this export.",\n  "list": [\n');
  let chatNo = 0;
  let t = 1_700_000_000;
  while (written < targetBytes - 4096) {
    // One very large chat early on (a quarter of the file) exercises the splitting of chats.
    const budget = chatNo === 1 ? targetBytes / 4 : 2_000_000 + Math.floor(rand() * 30_000_000);
    const kind = chatNo % 5 === 0 ? 'channel' : chatNo % 2 === 0 ? 'group' : 'personal';
    const type = kind === 'channel' ? 'public_channel' : kind === 'group' ? 'private_supergroup' : 'personal_chat';
    await write(`${chatNo > 0 ? ',\n' : ''}   {\n    "name": "Чат ${chatNo} / Chat ${chatNo}",\n    "type": "${type}",\n    "id": ${4_000_000_000 + chatNo},\n    "messages": [\n`);
    const chatStart = written;
    let id = 1;
    while (written - chatStart < budget && written < targetBytes - 4096) {
      t += 1 + Math.floor(rand() * 600);
      const m = message(rand, id, t, kind);
      await write(`${id > 1 ? ',\n' : ''}${JSON.stringify(m, null, 1).replace(/\n/g, '\n     ').replace(/^/, '     ')}`);
      id++;
    }
    await write('\n    ]\n   }');
    chatNo++;
  }
  await write('\n  ]\n },\n "left_chats": {\n  "about": "fictional",\n  "list": []\n }\n}\n');
  out.write(pending.join(''));
  await new Promise((r) => out.end(r));
  renameSync(tmp, path);
}
