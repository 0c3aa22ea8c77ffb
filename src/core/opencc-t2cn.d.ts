/** The part of opencc-js's t2cn build (Traditional → Simplified tables only) that core uses. */
declare module "opencc-js/t2cn" {
  type Dict = string | readonly (readonly [string, string])[];
  export function Converter(options: { from: string; to: string }): (text: string) => string;
  export const Locale: {
    configs: { t2s: { normalizationChain: Dict[][]; conversionChain: Dict[][] } };
  };
}
