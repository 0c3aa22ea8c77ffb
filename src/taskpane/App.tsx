import * as React from "react";
import {
  FluentProvider,
  Tab,
  TabList,
  webLightTheme,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../core/i18n";
import { PaneId, SHOW_PANE_EVENT, WorkbookHost } from "./host";
import { AllocationPane } from "./allocate/AllocationPane";
import { ReviewPane } from "./review/ReviewPane";
import { FilingPane } from "./filing/FilingPane";
import { LanguageContext } from "./lang";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  body: { padding: tokens.spacingHorizontalM, flexGrow: 1 },
});

const TITLES: Record<PaneId, Record<Lang, string>> = {
  allocate: { zh: "资金分配", en: "Allocate" },
  review: { zh: "合规审查", en: "Review" },
  filing: { zh: "备案表格", en: "Filing" },
};

export function App({
  host,
  lang = "zh",
  initial = "review",
}: {
  host: WorkbookHost;
  lang?: Lang;
  initial?: PaneId;
}) {
  const styles = useStyles();
  const [pane, setPane] = React.useState<PaneId>(initial);
  React.useEffect(() => {
    const onShow = (e: Event) => setPane((e as CustomEvent<PaneId>).detail);
    window.addEventListener(SHOW_PANE_EVENT, onShow);
    return () => window.removeEventListener(SHOW_PANE_EVENT, onShow);
  }, []);
  return (
    <FluentProvider theme={webLightTheme} lang={lang === "zh" ? "zh-CN" : "en-US"}>
      <LanguageContext.Provider value={lang}>
        <div className={styles.root}>
          <TabList selectedValue={pane} onTabSelect={(_, d) => setPane(d.value as PaneId)}>
            {(Object.keys(TITLES) as PaneId[]).map((id) => (
              <Tab key={id} value={id}>
                {TITLES[id][lang]}
              </Tab>
            ))}
          </TabList>
          <div className={styles.body}>
            {pane === "allocate" && <AllocationPane workbook={host.allocation} />}
            {pane === "review" && <ReviewPane workbook={host.review} />}
            {pane === "filing" && <FilingPane workbook={host.filing} />}
          </div>
        </div>
      </LanguageContext.Provider>
    </FluentProvider>
  );
}
