/**
 * Text colour for words set on a background given as `#rrggbb` or `0xrrggbb` (anything else counts
 * as grey): black or white, whichever contrasts more (WCAG relative luminance).
 */
export function inkOn(background: string | number): string {
  const written = typeof background === 'number' ? `#${background.toString(16).padStart(6, '0')}` : background;
  const hex = /^#[0-9a-fA-F]{6}$/.test(written) ? written : '#6e7781';
  const channel = (i: number) => {
    const value = parseInt(hex.slice(i, i + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  // Contrast with black, (L + 0.05) / 0.05, and with white, 1.05 / (L + 0.05), are equal near L = 0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff';
}
