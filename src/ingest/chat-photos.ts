import type { MediaItem, Notice, OcrWord, Segment, SozDocument } from '../core/document.js';
import type { InsertedSegment } from '../core/document-builder.js';
import { insertSegments } from '../core/document-builder.js';

/**
 * Links pictures read by OCR to the chat messages that posted them (pure). A message whose media
 * names a file of the export (`photos/photo_3@….jpg`, `IMG-….jpg`) that is in the case as its own
 * evidence item, read by OCR, gets the picture's text right after it as a segment of part
 * `image-text` with the message's own `message` info and author — so a meme posted, forwarded or
 * liked carries the same voice as the message's words — and `anchor.imageSha256` naming the
 * picture its words' boxes refer to. The picture's own document then keeps no text (it would be
 * counted twice) and says where its text went; a picture no message refers to keeps its text and
 * says so. Pictures are matched by file name; two different pictures of the same name in the
 * case are not linked (a notice says why).
 */
export function linkChatPhotos(documents: readonly SozDocument[]): SozDocument[] {
  const linker = new ChatPhotoLinker(documents.filter(isPictureDocument));
  const linked = new Map(documents.filter((doc) => !isPictureDocument(doc)).map((doc) => [doc, linker.link(doc)]));
  const pictures = new Map(linker.pictures().map((doc) => [doc.id, doc]));
  return documents.map((doc) => linked.get(doc) ?? pictures.get(doc.id) ?? doc);
}

/** Whether `doc` is a picture's text read by OCR (a picture file in custody, or a picture inside a seized ZIP). */
export function isPictureDocument(doc: SozDocument): boolean {
  return doc.format === 'ocr';
}

/**
 * {@link linkChatPhotos} for documents that come one at a time: the pictures (small: the text of
 * a picture) are all known first, each other document is linked as it comes and can be let go,
 * and the pictures' own documents are finished last, once every chat has been seen.
 */
export class ChatPhotoLinker {
  private readonly pictureDocuments: SozDocument[];
  private readonly byName: Map<string, SozDocument[]>;
  private readonly places = new Map<string, string[]>();
  private readonly ambiguous = new Set<string>();
  private chatSeen = false;

  constructor(pictureDocuments: readonly SozDocument[]) {
    this.pictureDocuments = [...pictureDocuments];
    this.byName = picturesByName(pictureDocuments);
  }

  /** Adds pictures known only later: those a ZIP's chats post, read from the ZIP once its chats are extracted. */
  addPictures(documents: readonly SozDocument[]): void {
    this.pictureDocuments.push(...documents);
    for (const [name, docs] of picturesByName(documents)) this.byName.set(name, [...(this.byName.get(name) ?? []), ...docs]);
  }

  /** `doc` with the text of the pictures its messages posted, or `doc` itself. */
  link(doc: SozDocument): SozDocument {
    if (!doc.segments.some((segment) => segment.message?.media?.some((item) => item.fileName !== undefined))) return doc;
    this.chatSeen = true;
    if (this.byName.size === 0) return doc;
    const withPhotos = insertSegments(doc, (segment) =>
      postedPictures(doc, segment, this.byName, this.ambiguous).map((picture, index) => {
        const place = `${doc.evidenceName} message ${segment.message?.messageId ?? segment.id}`;
        this.places.set(picture.id, [...(this.places.get(picture.id) ?? []), place]);
        return imageTextSegment(segment, picture, `${segment.id}.image${index + 1}`);
      }),
    );
    const added = withPhotos.segments.length - doc.segments.length;
    return added === 0 ? doc : { ...withPhotos, notices: [...withPhotos.notices, linkedNotice(doc.evidenceName, added)] };
  }

  /** The pictures' own documents, after every chat was linked; unchanged when no chat names a file. */
  pictures(): SozDocument[] {
    if (!this.chatSeen) return [...this.pictureDocuments];
    return this.pictureDocuments.map((doc) => pictureAfterLinking(doc, this.places.get(doc.id), this.ambiguous));
  }
}

/**
 * OCR documents of whole evidence files by their file name (a name two different pictures share
 * maps to both), and of ZIP members by the ZIP's hash and the member path.
 */
function picturesByName(documents: readonly SozDocument[]): Map<string, SozDocument[]> {
  const byName = new Map<string, SozDocument[]>();
  for (const doc of documents) {
    if (doc.format !== 'ocr') continue;
    const name = doc.entry !== undefined ? memberKey(doc.evidenceSha256, doc.entry) : baseName(doc.evidenceName);
    const same = byName.get(name) ?? [];
    if (!same.some((other) => other.evidenceSha256 === doc.evidenceSha256)) byName.set(name, [...same, doc]);
  }
  return byName;
}

/** The pictures a message posted that are in the case, in the order of its media. */
function postedPictures(chat: SozDocument, segment: Segment, pictures: ReadonlyMap<string, readonly SozDocument[]>, ambiguous: Set<string>): SozDocument[] {
  const found: SozDocument[] = [];
  for (const item of segment.message?.media ?? []) {
    const fileName = item.fileName ?? '';
    const member = chat.entry !== undefined ? pictures.get(memberKey(chat.evidenceSha256, postedMemberPath(chat.entry, fileName))) : undefined;
    const candidates = pictureFile(item) ? (member ?? pictures.get(baseName(fileName))) : undefined;
    if (candidates?.length === 1 && candidates[0]) found.push(candidates[0]);
    else if (candidates && candidates.length > 1) candidates.forEach((candidate) => ambiguous.add(candidate.id));
  }
  return found;
}

function pictureFile(item: MediaItem): boolean {
  return item.fileName !== undefined && item.inExport !== false;
}

/** The picture's lines joined by line breaks, its words moved to their place in that text. */
function imageTextSegment(message: Segment, picture: SozDocument, id: string): InsertedSegment {
  const lines: string[] = [];
  const words: OcrWord[] = [];
  let at = 0;
  for (const line of picture.segments) {
    const shift = at - line.range[0];
    lines.push(picture.text.slice(line.range[0], line.range[1]));
    for (const word of line.words ?? []) words.push({ ...word, range: [word.range[0] + shift, word.range[1] + shift] });
    at += line.range[1] - line.range[0] + 1;
  }
  const text = lines.join('\n');
  const segment: Segment = {
    id,
    range: [0, text.length],
    anchor: { ...message.anchor, part: 'image-text', ...pictureSource(picture) },
    ...(message.author !== undefined ? { author: message.author } : {}),
    ...(message.message !== undefined ? { message: message.message } : {}),
    words,
  };
  return { text, segment };
}

function linkedNotice(chatName: string, count: number): Notice {
  return {
    code: 'image-text.linked',
    severity: 'warning',
    message: `${chatName}: ${count} picture(s) posted in messages were read by OCR; their text follows each message as an image-text segment with the message's author and role — check the reading against the picture`,
  };
}

/** The picture the words' boxes refer to: a file in custody by its hash, a ZIP member by its own hash and its path in the ZIP. */
function pictureSource(picture: SozDocument): { readonly imageSha256: string; readonly imageEntry?: string } {
  const own = picture.properties['entrySha256'];
  if (picture.entry === undefined || typeof own !== 'string') return { imageSha256: picture.evidenceSha256 };
  return { imageSha256: own, imageEntry: picture.entry };
}

/** A picture's own document once the chats are linked: its text moved to the messages that posted it, or kept and marked as posted by none. */
function pictureAfterLinking(doc: SozDocument, places: readonly string[] | undefined, ambiguous: ReadonlySet<string>): SozDocument {
  if (doc.format !== 'ocr') return doc;
  const name = doc.entry !== undefined ? `${doc.evidenceName}!/${doc.entry}` : doc.evidenceName;
  if (places) {
    const notice: Notice = { code: 'image-text.moved', severity: 'info', message: `${name}: its OCR text is read in ${places.join('; ')} (image-text), with that message's author and role; this document keeps the picture's properties` };
    return { ...doc, text: '', segments: [], notices: [...doc.notices, notice] };
  }
  const why = ambiguous.has(doc.id) ? 'another picture in the case has the same file name, so the message it belongs to cannot be told' : 'no message of the chat exports in the case posted it';
  return { ...doc, notices: [...doc.notices, { code: 'image-text.not-posted', severity: 'warning', message: `${name}: ${why}; its OCR text stands alone, without a message's author or role` }] };
}

/** The ZIP member a chat at member path `chatEntry` names by `fileName` (relative to the chat's folder; `./` and backslashes made POSIX). */
export function postedMemberPath(chatEntry: string, fileName: string): string {
  return `${chatEntry.slice(0, chatEntry.lastIndexOf('/') + 1)}${fileName.replace(/\\/gu, '/').replace(/^(?:\.\/)+/u, '')}`;
}

function memberKey(zipSha256: string, path: string): string {
  return `${zipSha256}!/${path}`;
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
