import * as React from "react";
import { FluentProvider, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../core/i18n";
import { PaneId, SHOW_PANE_EVENT, WorkbookHost } from "../workbook/host";
import { AllocationPane } from "./allocate/AllocationPane";
import { ReviewPane } from "./review/ReviewPane";
import { FilingPane } from "./filing/FilingPane";
import { LanguageContext } from "./lang";
import { FLUENT_THEMES, fixedTheme, type ThemeSource } from "./theme";
import { visuallyHidden } from "./a11y";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    // Narrow panes: fields and dropdowns shrink to the pane (a dropdown's natural width is its
    // longest choice) and a value too long for its box ends in an ellipsis.
    "& .fui-Field, & .fui-Select, & .fui-Input": { minWidth: 0, maxWidth: "100%" },
    "& select": { textOverflow: "ellipsis" },
  },
  tabs: { flexWrap: "wrap" },
  body: { padding: tokens.spacingHorizontalM, flexGrow: 1, minWidth: 0 },
  hidden: visuallyHidden,
});

const TITLES: Record<PaneId, Record<Lang, string>> = {
  allocate: { zh: "资金分配", en: "Allocate" },
  review: { zh: "合规审查", en: "Review" },
  filing: { zh: "备案表格", en: "Filing" },
};

/** The page background follows the theme too (the pane's html/body sit outside React). */
function usePageBackground(background: string) {
  React.useEffect(() => {
    document.documentElement.style.backgroundColor = background;
    document.body.style.margin = "0";
  }, [background]);
}

export function App({
  host,
  lang = "zh",
  initial = "review",
  theme = fixedTheme("light"),
}: {
  host: WorkbookHost;
  lang?: Lang;
  initial?: PaneId;
  /** Office's theme in the add-in; light unless told otherwise. */
  theme?: ThemeSource;
}) {
  const styles = useStyles();
  const [pane, setPane] = React.useState<PaneId>(initial);
  const [themeName, setThemeName] = React.useState(() => theme.current());
  React.useEffect(() => {
    setThemeName(theme.current());
    return theme.subscribe(() => setThemeName(theme.current()));
  }, [theme]);
  const fluent = FLUENT_THEMES[themeName];
  usePageBackground(fluent.colorNeutralBackground1);
  React.useEffect(() => {
    const onShow = (e: Event) => setPane((e as CustomEvent<PaneId>).detail);
    window.addEventListener(SHOW_PANE_EVENT, onShow);
    return () => window.removeEventListener(SHOW_PANE_EVENT, onShow);
  }, []);
  const tabId = (id: PaneId) => `pane-tab-${id}`;
  return (
    <FluentProvider theme={fluent} lang={lang === "zh" ? "zh-CN" : "en-US"}>
      <LanguageContext.Provider value={lang}>
        <main className={styles.root} data-theme={themeName}>
          <h1 className={styles.hidden}>
            {lang === "en" ? "Fund Compliance" : "资金合规"}
            {" · "}
            {TITLES[pane][lang]}
          </h1>
          <TabList
            className={styles.tabs}
            selectedValue={pane}
            onTabSelect={(_, d) => setPane(d.value as PaneId)}
          >
            {(Object.keys(TITLES) as PaneId[]).map((id) => (
              <Tab key={id} value={id} id={tabId(id)} aria-controls="pane-panel">
                {TITLES[id][lang]}
              </Tab>
            ))}
          </TabList>
          <div
            className={styles.body}
            role="tabpanel"
            id="pane-panel"
            aria-labelledby={tabId(pane)}
          >
            {pane === "allocate" && <AllocationPane workbook={host.allocation} />}
            {pane === "review" && <ReviewPane workbook={host.review} />}
            {pane === "filing" && <FilingPane workbook={host.filing} />}
          </div>
        </main>
      </LanguageContext.Provider>
    </FluentProvider>
  );
}
