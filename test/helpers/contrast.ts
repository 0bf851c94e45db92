/** The channels of a color as getComputedStyle writes it (`rgb(…)` or `rgba(…)`): red, green, blue, maybe alpha. */
export const channels = (color: string): number[] => color.match(/[\d.]+/g)!.map(Number);

/** The WCAG contrast ratio of two `rgb(…)` colors as getComputedStyle writes them. */
export function contrast(first: string, second: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = channels(color)
      .slice(0, 3)
      .map((value) => {
        const channel = value / 255;
        return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (lighter! + 0.05) / (darker! + 0.05);
}
