import { FLUENT_THEMES, luminance, themeNameFor } from "../../src/taskpane/theme";

describe("the pane follows Office's theme", () => {
  test("Office's own dark flag decides when present", () => {
    expect(themeNameFor({ isDarkTheme: true, bodyBackgroundColor: "#FFFFFF" })).toBe("dark");
    expect(themeNameFor({ isDarkTheme: false, bodyBackgroundColor: "#000000" })).toBe("light");
  });

  test("otherwise the body background: Office's Black and Dark Gray themes are dark", () => {
    expect(themeNameFor({ bodyBackgroundColor: "#262626" })).toBe("dark"); // Black
    expect(themeNameFor({ bodyBackgroundColor: "#444444" })).toBe("dark"); // Dark Gray
    expect(themeNameFor({ bodyBackgroundColor: "#F3F2F1" })).toBe("light"); // Colorful
    expect(themeNameFor({ bodyBackgroundColor: "#FFFFFF" })).toBe("light"); // White
  });

  test("no theme (outside Office) or an unreadable colour: light", () => {
    expect(themeNameFor(null)).toBe("light");
    expect(themeNameFor({ bodyBackgroundColor: "transparent" })).toBe("light");
    expect(luminance("#nothex")).toBeNull();
  });

  test("each theme name has its Fluent theme, dark backgrounds for dark", () => {
    expect(luminance(FLUENT_THEMES.dark.colorNeutralBackground1)!).toBeLessThan(0.1);
    expect(luminance(FLUENT_THEMES.light.colorNeutralBackground1)!).toBeGreaterThan(0.9);
  });
});
