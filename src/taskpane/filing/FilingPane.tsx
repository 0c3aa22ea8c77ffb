/**
 * The Filing pane: create a filing sheet (annual pooling plan, publicity notice, asset ledger,
 * spot-check list) in the current workbook, then check every filing sheet before sending it.
 * Findings are shown in the Review pane's list (same grouping, citations, filter, jump-to-cell).
 */
import * as React from "react";
import { FindingsList } from "../review/FindingsList";
import {
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  Spinner,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import type { Finding } from "../../core/review/types";
import { citationLabel } from "../../core/rules/citation";
import { FILING_KINDS, FilingCheckResult, FilingKind, SPECS } from "../../core/filing";
import { text, useLang, useT } from "../lang";
import { createFiling, yearOf } from "./workflow";
import type { FilingWorkbook } from "../../workbook/filing/port";
import { Notice } from "../Notice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  grow: { flex: "1 1 10em", minWidth: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: {
    display: "block",
    width: "100%",
    textAlign: "left",
    padding: tokens.spacingVerticalXS,
    border: "none",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    background: "none",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  where: { fontFamily: tokens.fontFamilyMonospace, marginRight: tokens.spacingHorizontalS },
  cite: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

type Status = { intent: "success" | "warning" | "error" | "info"; text: string } | null;

function currentYear(): number {
  return new Date().getFullYear(); // only a default for the form; the preparer can change it
}

export function FilingPane({ workbook }: { workbook: FilingWorkbook }) {
  const styles = useStyles();
  const t = useT();
  const lang = useLang();
  const [kind, setKind] = React.useState<FilingKind>("publicity");
  const [county, setCounty] = React.useState("");
  const [year, setYear] = React.useState(String(currentYear()));
  const [seed, setSeed] = React.useState("");
  const [counties, setCounties] = React.useState("");
  const [projects, setProjects] = React.useState("");
  const [busy, setBusy] = React.useState<"create" | "check" | null>(null);
  const [status, setStatus] = React.useState<Status>(null);
  const [result, setResult] = React.useState<FilingCheckResult | null>(null);

  const yearNumber = yearOf(year);

  async function create() {
    setBusy("create");
    setStatus(null);
    try {
      const out = await createFiling(
        workbook,
        { kind, county, year, seed, counties, projects },
        result !== null
      );
      if (!out.ok) {
        setStatus({ intent: "error", text: text(out.message, lang) });
        return;
      }
      if (out.check) setResult(out.check);
      setStatus({
        intent: out.warn ? "warning" : "success",
        text: out.lines
          .map((l) => text(l, lang))
          .filter((x) => x !== "")
          .join("\n"),
      });
    } catch (e) {
      setStatus({ intent: "error", text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(null);
    }
  }

  async function check() {
    setBusy("check");
    setStatus(null);
    try {
      setResult(await workbook.check());
    } catch (e) {
      setStatus({ intent: "error", text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(null);
    }
  }

  async function select(f: Finding) {
    try {
      await workbook.select(f.sheet, f.cell);
    } catch (e) {
      setStatus({ intent: "error", text: e instanceof Error ? e.message : String(e) });
    }
  }

  const spec = SPECS[kind];
  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="filing-create">
        <Text id="filing-create" as="h2" weight="semibold" size={400} className={styles.heading}>
          {t("新建备案表格", "Create a filing sheet")}
        </Text>
        <Field
          label={t("表格", "Sheet")}
          hint={t(
            `依据：${citationLabel(spec.citation)}`,
            `Creates the sheet 「${spec.name.zh}」. Basis: ${citationLabel(spec.citation)}`
          )}
        >
          <Select value={kind} onChange={(_, d) => setKind(d.value as FilingKind)}>
            {FILING_KINDS.map((k) => (
              <option key={k} value={k}>
                {lang === "en" ? SPECS[k].name.en : SPECS[k].name.zh}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.row}>
          <Field className={styles.grow} label={t("县（市、区）", "County")}>
            <Input
              value={county}
              onChange={(_, d) => setCounty(d.value)}
              placeholder={t("如：某某县", "e.g. Mou County")}
            />
          </Field>
          <Field
            label={t("年度", "Year")}
            validationMessage={
              year.trim() !== "" && yearNumber === null ? t("四位年份", "four digits") : undefined
            }
          >
            <Input value={year} onChange={(_, d) => setYear(d.value)} style={{ width: "6em" }} />
          </Field>
        </div>
        {kind === "spotcheck" && (
          <>
            <Field
              label={t("贫困县名单（每行一个）", "Poor counties (one per line)")}
              hint={t("抽取不少于 60%，向上取整", "at least 60 % are drawn, rounded up")}
            >
              <Textarea value={counties} onChange={(_, d) => setCounties(d.value)} rows={4} />
            </Field>
            <Field
              label={t(
                "项目清单（每行：项目名称 ⇥ 县 ⇥ 单项补助金额（万元））",
                "Projects (per line: name ⇥ county ⇥ subsidy in 万元)"
              )}
              hint={t(
                "可从 Excel 直接复制粘贴三列；从 50 万元以上（含 50 万元）的项目中抽取不少于 30%",
                "paste three columns from Excel; at least 30 % of projects of 50万元 or more (inclusive) are drawn"
              )}
            >
              <Textarea value={projects} onChange={(_, d) => setProjects(d.value)} rows={5} />
            </Field>
            <Field
              label={t("随机种子（默认为年度）", "Seed (default: the year)")}
              hint={t(
                "同样的名单和种子，抽到同样的结果",
                "the same lists and seed give the same draw"
              )}
            >
              <Input value={seed} onChange={(_, d) => setSeed(d.value)} />
            </Field>
          </>
        )}
        <div className={styles.row}>
          <Button appearance="primary" onClick={create} disabled={busy !== null}>
            {t("创建", "Create")}
          </Button>
          {busy === "create" && <Spinner size="tiny" />}
        </div>
      </section>

      {status && (
        <Notice intent={status.intent} multiline>
          {status.text}
        </Notice>
      )}

      <section className={styles.section} aria-labelledby="filing-check">
        <Text id="filing-check" as="h2" weight="semibold" size={400} className={styles.heading}>
          {t("报送前检查", "Check before sending")}
        </Text>
        <Text size={200}>
          {t(
            "检查工作簿中所有备案表格：必填项是否填写、金额是否可读、日期是否有效。点击问题可跳到单元格。",
            "Checks every filing sheet in the workbook: required fields filled, amounts readable, dates valid. Click a finding to go to its cell."
          )}
        </Text>
        <div className={styles.row}>
          <Button onClick={check} disabled={busy !== null}>
            {t("检查", "Check")}
          </Button>
          {busy === "check" && <Spinner size="tiny" />}
        </div>
        {result && (
          <>
            <Text role="status" data-testid="summary">
              {result.sheets.length === 0
                ? t("工作簿中没有找到备案表格", "No filing sheets found in this workbook")
                : result.findings.length === 0
                  ? t(
                      `已检查 ${result.sheets.length} 张表格，未发现问题`,
                      `Checked ${result.sheets.length} sheet(s): no findings`
                    )
                  : t(
                      `已检查 ${result.sheets.length} 张表格，发现 ${result.findings.length} 个问题`,
                      `Checked ${result.sheets.length} sheet(s): ${result.findings.length} finding(s)`
                    )}
            </Text>
            <FindingsList findings={result.findings} onSelect={select} />
          </>
        )}
      </section>
    </div>
  );
}
