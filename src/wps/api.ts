/**
 * The part of WPS 表格's JavaScript object model (加载项 JSA) this add-in uses, as TypeScript
 * interfaces. Names, signatures and 1-based indexing follow Kingsoft's own declarations in the
 * npm package et-jsapi-declare 2.5.0 (lib.et.d.ts: Application, Workbook, Sheets, Worksheet,
 * Range, Interior, Validation, PageSetup, Window, ListObjects, Shapes; lib.kso.d.ts:
 * DocumentProperties; addon.et.d.ts / index.d.ts: CreateTaskPane, PluginStorage,
 * AddCustomFunction). The object model mirrors Excel's VBA objects, so the enumeration values
 * below are VBA's (XlDVType, XlDVAlertStyle, XlPattern …), which WPS keeps.
 *
 * We declare only what we call instead of depending on et-jsapi-declare: it is types only, and
 * narrow interfaces keep the adapters and the test fake (test/wps/fake-et.ts) honest about it.
 */

/** Range — WPS Range object (lib.et.d.ts `interface Range`). Indices are 1-based. */
export interface EtRange {
  /** Rows × columns values; a single cell gives a scalar, a block a 2-D array (rows of cells). */
  Value2: unknown;
  Formula: unknown;
  /** One format for every cell of the range. */
  NumberFormat: string;
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  /** True when every cell is merged, false when none is, null when some are. */
  readonly MergeCells: boolean | null;
  readonly MergeArea: EtRange;
  readonly Worksheet: EtWorksheet;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  readonly Validation: EtValidation;
  HorizontalAlignment: number;
  WrapText: boolean;
  RowHeight: number;
  ColumnWidth: number;
  /** A method in the JS API (not a property as in VBA): Address(RowAbsolute, ColumnAbsolute). */
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  Resize(RowSize?: number, ColumnSize?: number): EtRange;
  Merge(Across?: boolean): void;
  Select(): unknown;
  Activate(): unknown;
  AutoFilter(): unknown;
  readonly EntireColumn: EtRange;
  AutoFit(): unknown;
}

export interface EtCells {
  /** Cells.Item(row, column), both 1-based. */
  Item(row: number, column: number): EtRange;
}

export interface EtInterior {
  /** BGR as a number: red + green·256 + blue·65536. */
  Color: number;
  /** XlPattern: xlNone (-4142) is "no fill", xlSolid (1) a plain fill. */
  Pattern: number;
  PatternColor: number;
  ColorIndex: number;
}

export interface EtFont {
  Bold: boolean;
  Size: number;
  Color: number;
}

export interface EtValidation {
  Add(
    Type: number,
    AlertStyle?: number,
    Operator?: number,
    Formula1?: string,
    Formula2?: string
  ): void;
  Delete(): void;
  InCellDropdown: boolean;
  ShowError: boolean;
  ErrorTitle: string;
  ErrorMessage: string;
}

export interface EtPageSetup {
  Orientation: number;
  PaperSize: number;
  CenterHorizontally: boolean;
  Zoom: number | boolean;
  FitToPagesWide: number | boolean;
  FitToPagesTall: number | boolean;
  PrintTitleRows: string;
  CenterFooter: string;
}

export interface EtListObject {
  Name: string;
  TableStyle: unknown;
}

export interface EtShape {
  readonly Chart: {
    SetSourceData(Source: EtRange, PlotBy?: number): void;
    HasTitle: boolean;
    readonly ChartTitle: { Text: string };
    HasLegend: boolean;
  };
  Left: number;
  Top: number;
}

export interface EtWorksheet {
  Name: string;
  /** The VBA code name ("Sheet1"): kept when the user renames the sheet. */
  readonly CodeName: string;
  /** XlSheetVisibility: xlSheetVisible (-1), xlSheetHidden (0), xlSheetVeryHidden (2). */
  Visible: number;
  readonly Index: number;
  readonly UsedRange: EtRange;
  readonly Cells: EtCells;
  Range(Cell1: string | EtRange, Cell2?: string | EtRange): EtRange;
  Activate(): void;
  readonly PageSetup: EtPageSetup;
  readonly ListObjects: {
    readonly Count: number;
    Item(Index: number | string): EtListObject;
    Add(
      SourceType?: number,
      Source?: EtRange,
      LinkSource?: unknown,
      XlListObjectHasHeaders?: number
    ): EtListObject;
  };
  readonly Shapes: {
    AddChart(
      XlChartType?: number,
      Left?: number,
      Top?: number,
      Width?: number,
      Height?: number
    ): EtShape;
  };
}

export interface EtSheets {
  readonly Count: number;
  /** Item(1-based index or name). */
  Item(Index: number | string): EtWorksheet;
  /** Add(Before, After, Count, Type): the new sheet, made active, as in VBA. */
  Add(Before?: EtWorksheet, After?: EtWorksheet, Count?: number, Type?: number): EtWorksheet;
}

export interface EtDocumentProperty {
  readonly Name: string;
  Value: unknown;
  Delete(): void;
}

export interface EtDocumentProperties {
  readonly Count: number;
  /** Item(1-based index or name); a missing name is an error, as in VBA. */
  Item(Index: number | string): EtDocumentProperty;
  Add(Name: string, LinkToContent: boolean, Type?: number, Value?: unknown): EtDocumentProperty;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly Worksheets: EtSheets;
  readonly ActiveSheet: EtWorksheet;
  readonly CustomDocumentProperties: EtDocumentProperties;
}

export interface EtWindow {
  SplitRow: number;
  SplitColumn: number;
  FreezePanes: boolean;
}

/** Application — the `wps` / `Application` global of a WPS 表格 add-in. */
export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveWindow: EtWindow;
  readonly ActiveSheet: EtWorksheet;
  /** The selected cells (a Range when cells are selected). */
  readonly Selection: EtRange | null;
}

/** VBA enumeration values WPS keeps (lib.et.d.ts enums). */
export const XL = {
  sheetVisible: -1,
  patternNone: -4142,
  patternSolid: 1,
  center: -4108,
  landscape: 2,
  paperA4: 9,
  srcRange: 1,
  yes: 1,
  barClustered: 57,
  columns: 2,
  validateWholeNumber: 1,
  validateDecimal: 2,
  validateList: 3,
  validateDate: 4,
  alertStop: 1,
  alertWarning: 2,
  between: 1,
  greaterEqual: 7,
  /** MsoDocProperties.msoPropertyTypeString */
  propertyString: 4,
} as const;
