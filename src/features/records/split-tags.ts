/** Tags typed on one line, "vip, eu, vip" → ["vip", "eu"]: trimmed, blanks and repeats left out. */
export const splitTags = (value: string): string[] => [
  ...new Set(
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  ),
];
