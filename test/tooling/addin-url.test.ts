/**
 * The publishing address a production build is made for (scripts/addin-url.js): IT sets
 * ADDIN_URL; anything Office would not load, or that names a file rather than a folder, stops the
 * build with the reason in Chinese and English.
 */
const { checkAddinUrl, productionUrl, LOCAL_URL } = require("../../scripts/addin-url") as {
  checkAddinUrl(s: string): string;
  productionUrl(env?: Record<string, unknown>, vars?: Record<string, string | undefined>): string;
  LOCAL_URL: string;
};

test("an https folder address is taken as given", () => {
  expect(checkAddinUrl("https://intranet.example.gov.cn/fund-compliance/")).toBe(
    "https://intranet.example.gov.cn/fund-compliance/"
  );
  expect(checkAddinUrl("https://10.1.2.3:8443/")).toBe("https://10.1.2.3:8443/");
});

test.each([
  ["http://intranet.example.gov.cn/fund/", /https:\/\//],
  ["https://intranet.example.gov.cn/fund", /end with "\/"/],
  ["intranet.example.gov.cn/fund/", /not an absolute URL/],
  ["https://intranet.example.gov.cn/fund/?v=1", /query/],
  ["https://intranet.example.gov.cn/fund/#x", /fragment/],
  ["https://admin:pw@intranet.example.gov.cn/fund/", /user name/],
  ["https://localhost:3000/", /build:local/],
  ["https://127.0.0.1/", /this machine/],
])("%s is refused", (url, reason) => {
  expect(() => checkAddinUrl(url)).toThrow(reason);
  expect(() => checkAddinUrl(url)).toThrow(/ADDIN_URL: .*[\u4e00-\u9fff]/);
});

test("no address and no --env local: the build stops and says how to give one", () => {
  expect(() => productionUrl({}, {})).toThrow(/not set; the production build stopped/);
  expect(() => productionUrl({}, { ADDIN_URL: "  " })).toThrow(/not set/);
  expect(() => productionUrl({}, {})).toThrow(/npm run build:local/);
});

test("ADDIN_URL, or --env addinUrl=… before it, is checked; --env local is the dev server", () => {
  const url = "https://intranet.example.gov.cn/fc/";
  expect(productionUrl({}, { ADDIN_URL: url })).toBe(url);
  expect(productionUrl({ addinUrl: url }, { ADDIN_URL: "http://x/" })).toBe(url);
  expect(() => productionUrl({}, { ADDIN_URL: "http://intranet.example.gov.cn/fc/" })).toThrow(
    /https/
  );
  expect(productionUrl({ local: true }, {})).toBe(LOCAL_URL);
  expect(LOCAL_URL).toBe("https://localhost:3000/");
});
