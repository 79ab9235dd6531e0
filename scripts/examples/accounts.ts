/** Customer accounts for the main example: hospitals, labs and distributors, by region. */
import { Rng } from "./prng.js";
import type { Rep } from "./roster.js";

export type Segment = "tier3_hospital" | "tier2_hospital" | "private_hospital" | "distributor" | "clinical_lab";

export interface Account {
  name: string;
  segment: Segment;
  /** a few foreign-invested distributors and labs are billed in USD */
  currency: "CNY" | "USD";
}

const PLACES: Record<string, readonly string[]> = {
  Shanghai: ["Shanghai Pudong", "Shanghai Minhang", "Shanghai Xuhui", "Shanghai Jing'an", "Shanghai Baoshan", "Shanghai Songjiang"],
  Jiangsu: ["Nanjing", "Suzhou", "Wuxi", "Changzhou", "Nantong", "Xuzhou"],
  Zhejiang: ["Hangzhou", "Ningbo", "Wenzhou", "Shaoxing", "Jiaxing", "Taizhou"],
  Beijing: ["Beijing Haidian", "Beijing Chaoyang", "Beijing Fengtai", "Beijing Tongzhou", "Beijing Changping"],
  Tianjin: ["Tianjin Binhai", "Tianjin Hexi", "Tianjin Nankai", "Tianjin Wuqing"],
  Shandong: ["Jinan", "Qingdao", "Yantai", "Weifang", "Linyi", "Zibo"],
  Guangdong: ["Guangzhou", "Shenzhen", "Dongguan", "Foshan", "Zhuhai", "Shantou"],
  Fujian: ["Fuzhou", "Xiamen", "Quanzhou", "Zhangzhou", "Putian"],
  Guangxi: ["Nanning", "Liuzhou", "Guilin", "Yulin", "Beihai"],
  Sichuan: ["Chengdu", "Mianyang", "Deyang", "Yibin", "Nanchong"],
  Chongqing: ["Chongqing Yuzhong", "Chongqing Jiangbei", "Chongqing Shapingba", "Chongqing Wanzhou", "Chongqing Fuling"],
  Shaanxi: ["Xi'an", "Baoji", "Xianyang", "Weinan", "Hanzhong"],
};

const BRANDS = ["Meikang", "Yikang", "Hengsheng", "Jiahe", "Ruici", "Kangning", "Tianyou", "Huamei", "Ciyuan", "Boren", "Anhe", "Shengtai"];

const TEMPLATES: Record<Segment, readonly string[]> = {
  tier3_hospital: [
    "{P} First People's Hospital", "{P} Central Hospital", "{P} Hospital of Traditional Chinese Medicine",
    "{P} Maternal and Child Health Hospital", "{P} Cancer Hospital", "{P} Children's Hospital", "{P} Chest Hospital",
  ],
  tier2_hospital: [
    "{P} Second People's Hospital", "{P} Third People's Hospital", "{P} Rehabilitation Hospital", "{P} Eye Hospital",
    "{P} Stomatological Hospital", "{P} Integrated Medicine Hospital",
  ],
  private_hospital: ["{P} {B} Hospital", "{P} {B} Women's Hospital", "{B} Health Clinic ({P})"],
  distributor: ["{P} {B} Medical Equipment Co., Ltd.", "{B} Medical Trading ({P}) Co., Ltd."],
  clinical_lab: ["{P} {B} Clinical Laboratory", "{B} Diagnostics ({P}) Co., Ltd."],
};

const taken = new Set<string>();

function makeAccount(rng: Rng, region: string, segment: Segment): Account {
  const places = PLACES[region];
  if (!places) throw new Error(`no places for region ${region}`);
  for (let attempt = 0; attempt < 200; attempt++) {
    const name = rng.pick(TEMPLATES[segment]).replace("{P}", rng.pick(places)).replace("{B}", rng.pick(BRANDS));
    if (taken.has(name)) continue;
    taken.add(name);
    const foreign = (segment === "distributor" || segment === "clinical_lab") && rng.chance(0.2);
    return { name, segment, currency: foreign ? "USD" : "CNY" };
  }
  throw new Error(`ran out of account names in ${region}`);
}

/** Each rep's book of accounts; SDRs get prospects. Call once per run (names are unique across it). */
export function buildBooks(reps: readonly Rep[]): Map<string, Account[]> {
  taken.clear();
  const books = new Map<string, Account[]>();
  for (const rep of reps) {
    const rng = new Rng(`book:${rep.id}`);
    const mix: (readonly [Segment, number])[] =
      rep.role === "key_account"
        ? [["tier3_hospital", 6], ["tier2_hospital", 2], ["distributor", 2], ["clinical_lab", 1]]
        : [["tier3_hospital", 2], ["tier2_hospital", 3], ["private_hospital", 2.5], ["distributor", 1.5], ["clinical_lab", 1]];
    const size = rep.role === "key_account" ? 14 : rep.role === "sdr" ? 30 : 20;
    const book: Account[] = [];
    for (let i = 0; i < size; i++) book.push(makeAccount(rng, rep.region, rng.weighted(mix)));
    books.set(rep.id, book);
  }
  return books;
}

/** One more account in a region (for owners outside the roster). */
export function extraAccount(seed: string, region: string, segment: Segment): Account {
  return makeAccount(new Rng(seed), region, segment);
}
