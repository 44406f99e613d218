/** "11-50" → "11–50 people". */
export const sizeLabel = (size: string) => `${size.replace('-', '–')} people`;
