// Shared pieces of quiz questions (their templates live with the other UI text in l10n.ts).

/** The blank that stands for a hidden term. */
export const BLANK = '_____';
