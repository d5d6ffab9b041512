// Character classes for term boundaries, on UTF-16 code units.

export function isHangul(c: number): boolean {
  return (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x3131 && c <= 0x318e) || (c >= 0x1100 && c <= 0x11ff);
}

export function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Separators that an alias may or may not have: `Auto Scaling`/`AutoScaling`, `EC2-Classic`, `VPC_Peering`. */
export function isJoiner(c: number): boolean {
  return c === 32 || c === 9 || c === 45 || c === 95 || c === 0xa0;
}
