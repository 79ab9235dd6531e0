import type { Sheet } from "../workbookModel.js";
import { columnLetter } from "./cellRef.js";

/**
 * Data bars and colour scales: formatting rules Excel evaluates over a
 * column's values, never formulas in cells. A data bar is written both ways
 * Excel reads it, as exceljs did: the 2007 rule, and an Excel 2010 extension
 * (bars from zero length) tied to it by an id. The id is made from the sheet
 * and the rule's priority, so it is the same on every run.
 */

const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const DATA_BAR_RGB = "FF638EC6";
const SCALE_RGB = ["FFF8696B", "FFFFEB84", "FF63BE7B"] as const;

export interface ConditionalFormatXml {
  /** `<conditionalFormatting>` elements, after autoFilter */
  rules: string;
  /** the worksheet's `<extLst>`, last in the worksheet; "" when there is no data bar */
  extensions: string;
}

function ruleId(sheetNumber: number, priority: number): string {
  const hex = (n: number, width: number): string => n.toString(16).toUpperCase().padStart(width, "0");
  return `{6B70692D-${hex(sheetNumber, 4)}-4000-8000-${hex(priority, 12)}}`; // 6B70692D: "kpi-"
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`colour scale midpoint ${value} is not a finite number`);
  return String(value === 0 ? 0 : value);
}

export function conditionalFormatXml(sheet: Sheet, sheetNumber: number): ConditionalFormatXml {
  if (sheet.rows.length === 0) return { rules: "", extensions: "" };
  const rules: string[] = [];
  const bars: string[] = [];
  let priority = 1;
  sheet.columns.forEach((column, c) => {
    const letter = columnLetter(c);
    const ref = `${letter}2:${letter}${sheet.rows.length + 1}`;
    if (column.dataBar) {
      const id = ruleId(sheetNumber, priority);
      rules.push(
        `<conditionalFormatting sqref="${ref}"><cfRule type="dataBar" priority="${priority++}"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="${DATA_BAR_RGB}"/></dataBar>` +
          `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${X14}"><x14:id>${id}</x14:id></ext></extLst></cfRule></conditionalFormatting>`,
      );
      bars.push(
        `<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="${id}">` +
          `<x14:dataBar minLength="0" maxLength="100"><x14:cfvo type="min"/><x14:cfvo type="max"/></x14:dataBar></x14:cfRule><xm:sqref>${ref}</xm:sqref></x14:conditionalFormatting>`,
      );
    }
    if (column.colorScaleMidpoint !== undefined) {
      const mid = numberText(column.colorScaleMidpoint);
      const colours = SCALE_RGB.map((rgb) => `<color rgb="${rgb}"/>`).join("");
      rules.push(
        `<conditionalFormatting sqref="${ref}"><cfRule type="colorScale" priority="${priority++}"><colorScale>` +
          `<cfvo type="min"/><cfvo type="num" val="${mid}"/><cfvo type="max"/>${colours}</colorScale></cfRule></conditionalFormatting>`,
      );
    }
  });
  const extensions =
    bars.length === 0 ? "" : `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings>${bars.join("")}</x14:conditionalFormattings></ext></extLst>`;
  return { rules: rules.join(""), extensions };
}
