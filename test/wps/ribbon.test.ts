/** The ribbon's callbacks in WPS and host detection at start-up. */
import { baseUrl, ribbonCallbacks, TASKPANE_KEY, type RibbonHost } from "../../src/wps/ribbon";
import { detectHost, wpsApplication } from "../../src/wps/host";
import { FakeEtApplication } from "./fake-et";

/** CreateTaskPane / GetTaskPane as index.d.ts declares them, recording what the add-in did. */
function wpsWithPanes() {
  const panes: {
    ID: number;
    url: string;
    Visible: boolean;
    DockPosition: number;
    Navigate(u: string): void;
  }[] = [];
  const app = new FakeEtApplication() as unknown as RibbonHost & { storage: Map<string, unknown> };
  Object.assign(app, {
    CreateTaskPane(url: string) {
      const p = {
        ID: 100 + panes.length,
        url,
        Visible: false,
        DockPosition: 0,
        Navigate: (u: string) => (p.url = u),
      };
      panes.push(p);
      return p;
    },
    GetTaskPane(id: number) {
      return panes.find((p) => p.ID === id) ?? null;
    },
  });
  return { app, panes };
}

test("a button opens the task pane once on its pane; the next one navigates it", () => {
  const { app, panes } = wpsWithPanes();
  const cb = ribbonCallbacks(
    () => app,
    () => "http://intranet.example/fund/index.html"
  );
  expect(cb.OnAddinLoad({})).toBe(true);
  cb.OnAction({ Id: "FundCompliance.Review" });
  expect(panes).toHaveLength(1);
  expect(panes[0]).toMatchObject({
    url: "http://intranet.example/fund/taskpane.html?pane=review",
    Visible: true,
    DockPosition: 2,
  });
  expect(app.PluginStorage.getItem(TASKPANE_KEY)).toBe(100);
  panes[0].Visible = false; // the user closed it
  cb.OnAction({ Id: "FundCompliance.Filing" });
  expect(panes).toHaveLength(1);
  expect(panes[0]).toMatchObject({
    url: "http://intranet.example/fund/taskpane.html?pane=filing",
    Visible: true,
  });
  cb.OnAction({ Id: "FundCompliance.Allocate" });
  expect(panes[0].url).toContain("pane=allocate");
  expect(cb.GetImage()).toBe("assets/icon-32.png");
});

test("the add-in folder is found from the page's address, on a server or a local folder", () => {
  expect(baseUrl("http://intranet.example/fund/index.html?x=1")).toBe(
    "http://intranet.example/fund/"
  );
  expect(
    baseUrl("file:///home/u/.local/share/Kingsoft/wps/jsaddons/fund-compliance_0.1.0/index.html")
  ).toBe("file:///home/u/.local/share/Kingsoft/wps/jsaddons/fund-compliance_0.1.0/");
});

test("host detection: WPS when its Application (with PluginStorage) is on the page, Office otherwise", () => {
  const app = new FakeEtApplication();
  expect(detectHost({ Application: app })).toBe("wps");
  expect(detectHost({ wps: app })).toBe("wps");
  expect(wpsApplication({ Application: app })).toBe(app);
  expect(detectHost({})).toBe("office");
  // Excel's own pages have no WPS Application; a stray global without PluginStorage is not WPS.
  expect(detectHost({ Application: { Name: "x" } })).toBe("office");
});
