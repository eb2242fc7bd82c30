/**
 * The revision of soz's extractors, as a whole. Bump it in the commit that changes what any adapter
 * yields for the same input (text, segments, positions, notices): `extractorKey` includes it, so
 * `soz analyze` extracts afresh instead of reusing documents that `soz add` kept with a build whose
 * extractors read the file differently, even when the package version did not change.
 *
 * 2: DOCX symbol runs (`w:sym`) mapped and counted, skipped fallbacks and list items counted; HTML
 *    form controls end a paragraph or a word.
 * 3: VK message images read as their alt text (emoji); images without alt counted (`vk.not-read`).
 */
export const EXTRACTORS_REVISION = 3;
