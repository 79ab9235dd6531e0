/** The longest CSV record accepted, in UTF-8 bytes: far above any real export, low enough to stop a runaway quote early. (Its own module so the byte scanner does not load csv-parse.) */
export const MAX_RECORD_CHARS = 32 * 1024 * 1024;
