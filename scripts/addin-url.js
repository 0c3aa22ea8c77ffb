/**
 * The address IT publishes the production add-in at (dist/): every URL in dist/manifest.xml and
 * the functions' help links are rewritten to it. `npm run build` stops without it, so a build
 * for deployment can never carry a placeholder or the developer's localhost:
 *   ADDIN_URL=https://intranet.example.gov.cn/fund-compliance/ npm run build
 * or, for a minified build tried on this machine against the dev server's address:
 *   npm run build:local        (webpack --mode production --env local)
 */
const LOCAL_URL = "https://localhost:3000/";

const HELP =
  "例如 e.g. ADDIN_URL=https://intranet.example.gov.cn/fund-compliance/ npm run build；" +
  "本机试用 for a local test build: npm run build:local";

function refuse(zh, en) {
  return new Error(`ADDIN_URL: ${zh}\n${en}\n${HELP}`);
}

/**
 * `text` checked as a publishing address: an absolute https URL ending with "/", with no query,
 * fragment or user name, not this machine. Returns it as given; throws a bilingual Error.
 */
function checkAddinUrl(text) {
  const s = String(text).trim();
  let u;
  try {
    u = new URL(s);
  } catch {
    throw refuse(`「${s}」不是完整的网址`, `"${s}" is not an absolute URL`);
  }
  if (u.protocol !== "https:") {
    throw refuse(
      `「${s}」必须以 https:// 开头（Office 只加载 https 的加载项）`,
      `"${s}" must begin with https:// (Office loads add-ins over https only)`
    );
  }
  if (u.username || u.password || u.search || u.hash || s.includes("?") || s.includes("#")) {
    throw refuse(
      `「${s}」不能带用户名、查询或 # 部分`,
      `"${s}" must not carry a user name, query or fragment`
    );
  }
  if (!s.endsWith("/")) {
    throw refuse(
      `「${s}」必须以 / 结尾（它是文件夹的地址，例如 ${s}/）`,
      `"${s}" must end with "/" (it is a folder's address, e.g. ${s}/)`
    );
  }
  const host = u.hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host === "::1" || /^127\./.test(host)) {
    throw refuse(
      `「${s}」是本机地址；发布用的构建需要服务器地址，本机试用请用 npm run build:local`,
      `"${s}" is this machine; a build to publish needs the server's address (npm run build:local for a local one)`
    );
  }
  return s;
}

/**
 * The production base URL for a webpack run: `--env local` → the dev server's address; else
 * `--env addinUrl=…` or the ADDIN_URL environment variable, checked; neither → an error that
 * stops the build.
 */
function productionUrl(env = {}, vars = process.env) {
  if (env.local) return LOCAL_URL;
  const given = env.addinUrl !== undefined ? env.addinUrl : vars.ADDIN_URL;
  if (given === undefined || String(given).trim() === "") {
    throw refuse(
      "没有给出发布地址，生产构建已停止",
      "the publishing address is not set; the production build stopped"
    );
  }
  return checkAddinUrl(given);
}

module.exports = { LOCAL_URL, checkAddinUrl, productionUrl };
