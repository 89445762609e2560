// The studio's design tokens. Tailwind 4 loads this file from app/globals.css
// (`@config`), so the palette, radii and type family live here and nowhere else.
// Each colour is emitted as a CSS custom property (light on :root, dark when the
// system prefers it) and the utilities point at the variable, so `bg-panel`,
// `text-muted` or `border-border` follow the theme without `dark:` variants.
//
// The chrome is neutral and quiet on purpose: the images carry the colour. One
// calm accent marks what is selected or primary; success, warning and danger are
// for states only. Every text pairing below is at least 4.5:1 (WCAG AA) on
// background, panel, raised and subtle in its own theme.
import type { Config } from "tailwindcss";
import plugin from "tailwindcss/plugin";

interface ThemePair {
  light: string;
  dark: string;
}

export const colorTokens = {
  /** the canvas behind the gallery */
  background: { light: "#f6f6f7", dark: "#0e0e10" },
  /** header and builder pane */
  panel: { light: "#ffffff", dark: "#151518" },
  /** cards, inputs and popovers sitting on a panel */
  raised: { light: "#ffffff", dark: "#1c1c21" },
  /** hover, selection and zebra backgrounds */
  subtle: { light: "#f1f1f3", dark: "#232329" },
  border: { light: "#e4e4e7", dark: "#2a2a30" },
  "border-strong": { light: "#d4d4d8", dark: "#3a3a42" },
  foreground: { light: "#18181b", dark: "#ececf1" },
  /** secondary text: labels, hints, units */
  muted: { light: "#5f5f6b", dark: "#9d9daa" },
  accent: { light: "#4f58c9", dark: "#8f98ff" },
  /** text and icons on an accent fill */
  "accent-foreground": { light: "#ffffff", dark: "#0f1020" },
  success: { light: "#17784a", dark: "#4cc38a" },
  warning: { light: "#9a5b00", dark: "#e3a84a" },
  danger: { light: "#c0353f", dark: "#f2777f" },
  /** a given star on a panel (3:1 or better, as icons need) */
  favourite: { light: "#a86a12", dark: "#f5c542" },
  /** a given star on the dark veil over an image, in either theme */
  "favourite-on-veil": { light: "#f5c542", dark: "#f5c542" },
  /** focus outline: 3:1 or better against every surface */
  ring: { light: "#4f58c9", dark: "#8f98ff" },
} as const satisfies Record<string, ThemePair>;

export const radiusTokens = {
  sm: "4px",
  md: "6px",
  lg: "8px",
  xl: "12px",
} as const;

const colorVar = (name: string) => `--studio-${name}`;
const radiusVar = (name: string) => `--studio-radius-${name}`;

function colorVariables(theme: keyof ThemePair): Record<string, string> {
  return Object.fromEntries(
    Object.entries(colorTokens).map(([name, pair]) => [colorVar(name), pair[theme]]),
  );
}

const radiusVariables = Object.fromEntries(
  Object.entries(radiusTokens).map(([name, value]) => [radiusVar(name), value]),
);

const tokensPlugin = plugin(({ addBase }) => {
  addBase({
    ":root": { colorScheme: "light dark", ...colorVariables("light"), ...radiusVariables },
    "@media (prefers-color-scheme: dark)": { ":root": colorVariables("dark") },
    // One visible focus ring for every focusable thing, keyboard only.
    ":focus-visible": {
      outline: `2px solid var(${colorVar("ring")})`,
      outlineOffset: "2px",
    },
    "::selection": {
      backgroundColor: `color-mix(in oklab, var(${colorVar("accent")}) 30%, transparent)`,
    },
  });
});

const config = {
  darkMode: "media",
  theme: {
    extend: {
      colors: Object.fromEntries(
        Object.keys(colorTokens).map((name) => [name, `var(${colorVar(name)})`]),
      ),
      borderRadius: Object.fromEntries(
        Object.keys(radiusTokens).map((name) => [name, `var(${radiusVar(name)})`]),
      ),
      fontFamily: {
        // --font-geist-sans is set on <html> by next/font (app/layout.tsx: Geist cut to Latin).
        sans: ["var(--font-geist-sans)", "ui-sans-serif", "system-ui", "sans-serif"],
      },
    },
  },
  plugins: [tokensPlugin],
} satisfies Config;

export default config;
