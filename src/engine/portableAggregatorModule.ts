/** The URL of portableAggregator.js, for a reader thread to load before its first part (without loading it here). */
export const PORTABLE_AGGREGATOR_MODULE = new URL("./portableAggregator.js", import.meta.url).href;
