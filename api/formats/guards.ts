// A plain JSON object, as parsed JSON, XML and spreadsheet cells hand them over.
export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)
