import { xmlString } from "./xmlText.js";

/**
 * The package parts around the sheets: content types, relationships, the
 * workbook (sheet names and order) and the document properties. The
 * properties name kpi and a fixed time, never the host, the user or "now".
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml";
/** created and modified of every workbook */
export const FIXED_TIME = "2000-01-01T00:00:00Z";

export const sheetPath = (n: number): string => `xl/worksheets/sheet${n}.xml`;

export function contentTypesXml(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Override PartName="/${sheetPath(i + 1)}" ContentType="${TYPE}.worksheet+xml"/>`);
  return [
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    `<Override PartName="/xl/workbook.xml" ContentType="${TYPE}.sheet.main+xml"/>`,
    ...sheets,
    `<Override PartName="/xl/styles.xml" ContentType="${TYPE}.styles+xml"/>`,
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${TYPE}.sharedStrings+xml"/>`,
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>',
    "</Types>",
  ].join("");
}

export function rootRelsXml(): string {
  return [
    `<Relationships xmlns="${PACKAGE_REL}">`,
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>`,
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>',
    `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>`,
    "</Relationships>",
  ].join("");
}

/** Sheet n is relationship rId(n); styles and shared strings follow the sheets. */
export function workbookRelsXml(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  return [
    `<Relationships xmlns="${PACKAGE_REL}">`,
    ...sheets,
    `<Relationship Id="rId${sheetCount + 1}" Type="${REL}/styles" Target="styles.xml"/>`,
    `<Relationship Id="rId${sheetCount + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`,
    "</Relationships>",
  ].join("");
}

export function workbookXml(sheetNames: readonly string[]): string {
  const sheets = sheetNames.map((name, i) => `<sheet name="${xmlString(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  return [
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}">`,
    "<workbookPr/>",
    '<bookViews><workbookView activeTab="0"/></bookViews>',
    `<sheets>${sheets.join("")}</sheets>`,
    "</workbook>",
  ].join("");
}

export function coreXml(): string {
  return [
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ',
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    "<dc:creator>kpi</dc:creator><cp:lastModifiedBy>kpi</cp:lastModifiedBy>",
    `<dcterms:created xsi:type="dcterms:W3CDTF">${FIXED_TIME}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED_TIME}</dcterms:modified>`,
    "</cp:coreProperties>",
  ].join("");
}

export function appXml(sheetNames: readonly string[]): string {
  const titles = sheetNames.map((name) => `<vt:lpstr>${xmlString(name)}</vt:lpstr>`).join("");
  return [
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">',
    "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>",
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheetNames.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>`,
    `<TitlesOfParts><vt:vector size="${sheetNames.length}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts>`,
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion>",
    "</Properties>",
  ].join("");
}
