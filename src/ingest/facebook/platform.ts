import type { Platform } from '../../core/document.js';

/** Which Meta product wrote the export, and how sure the adapter is. */
export interface PlatformGuess {
  readonly platform: Extract<Platform, 'facebook' | 'instagram'>;
  /** `marker` = a product-specific path or link; `layout` = field presence only; `none` = default. */
  readonly strength: 'marker' | 'layout' | 'none';
  readonly evidence: string;
}

/**
 * Tells Messenger from Instagram. Strong markers: `your_instagram_activity/` paths or an ig.me join
 * link → Instagram; `your_activity_across_facebook/` paths or an m.me join link → Facebook
 * (shared links are ignored: either product can share either); a file name or ZIP path naming the product. Weak: Messenger threads carry
 * `thread_type`, Instagram threads (2020–2023) do not. With nothing to go on: Facebook, reported.
 */
export function guessPlatform(rawJson: string, root: Record<string, unknown>, names: readonly string[]): PlatformGuess {
  // Export paths and the group's join link only: shared links can point to either product.
  const joinLink = JSON.stringify(root['joinable_mode'] ?? '');
  const instagram = /"(?:uri|thread_path)":\s*"your_instagram_activity\//u.exec(rawJson) ?? /\/\/ig\.me\//u.exec(joinLink);
  const facebook = /"(?:uri|thread_path)":\s*"your_activity_across_facebook\//u.exec(rawJson) ?? /\/\/m\.me\//u.exec(joinLink);
  if (instagram && !facebook) return { platform: 'instagram', strength: 'marker', evidence: `the export contains "${instagram[0]}"` };
  if (facebook && !instagram) return { platform: 'facebook', strength: 'marker', evidence: `the export contains "${facebook[0]}"` };
  const named = names.find((n) => /instagram|messenger|facebook/iu.test(n));
  if (named) {
    const platform = /instagram/iu.test(named) ? 'instagram' : 'facebook';
    return { platform, strength: 'marker', evidence: `the file path "${named}" names the product` };
  }
  if (typeof root['thread_type'] === 'string') return { platform: 'facebook', strength: 'layout', evidence: 'the thread has "thread_type", which Messenger exports carry' };
  if (typeof root['thread_path'] === 'string') {
    return { platform: 'instagram', strength: 'layout', evidence: 'the thread has "thread_path" but no "thread_type", the Instagram layout' };
  }
  return { platform: 'facebook', strength: 'none', evidence: 'nothing in the file tells Messenger from Instagram' };
}
