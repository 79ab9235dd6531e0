/**
 * The main example's sales org: a fictional medical-equipment maker selling to
 * hospitals, labs and distributors in China, four regional teams of ten.
 * Ids follow hiring order, as an HR system hands them out.
 */
import { Rng } from "./prng.js";
import { d, formatDay, type Day } from "./calendar.js";
import { csvText } from "./text.js";

export type Role = "account_exec" | "key_account" | "sdr";

export interface Rep {
  id: string;
  name: string;
  team: string;
  region: string;
  role: Role;
  hired: Day;
  left: Day | null;
  email: string;
  /** how busy the rep is (activities), around 1 */
  effort: number;
  /** how many deals the rep opens, around 1 */
  drive: number;
  /** chance that a closed deal is won */
  winRate: number;
}

export const TEAMS: Record<string, readonly string[]> = {
  East: ["Shanghai", "Jiangsu", "Zhejiang"],
  North: ["Beijing", "Tianjin", "Shandong"],
  South: ["Guangdong", "Fujian", "Guangxi"],
  West: ["Sichuan", "Chongqing", "Shaanxi"],
};

/** The reps the planted problems are about (see examples/README.md). */
export const PLANTED = {
  /** a huge tender in October: far above peers */
  outlier: "R014",
  /** most of October's revenue closed in the month's last three days */
  periodEnd: "R023",
  /** visits up in October while the win rate falls */
  visitsUpWinsDown: "R021",
  /** two weeks of leave in October: visits fall far below September's */
  onLeave: "R008",
  /** left in June; one deal closed in October still carries the name */
  leaver: "R027",
  /** inherits the leaver's accounts */
  successor: "R031",
  /** an owner name that is not in the roster */
  unknownOwner: "Sun Haoran",
} as const;

// id, name, team, region, role, hired, left
const TABLE: readonly (readonly [string, string, string, string, Role, string, string])[] = [
  ["R001", "Li Wei", "East", "Shanghai", "key_account", "2016-03-07", ""],
  ["R002", "Wang Fang", "North", "Beijing", "key_account", "2016-09-12", ""],
  ["R003", "Zhang Min", "South", "Guangdong", "key_account", "2017-04-05", ""],
  ["R004", "Liu Yang", "West", "Sichuan", "key_account", "2017-07-17", ""],
  ["R005", "Chen Jing", "East", "Jiangsu", "account_exec", "2017-11-06", ""],
  ["R006", "Yang Lei", "North", "Tianjin", "account_exec", "2018-02-26", ""],
  ["R007", "Zhao Li", "South", "Fujian", "account_exec", "2018-05-14", ""],
  ["R008", "Huang Tao", "West", "Chongqing", "account_exec", "2018-08-20", ""],
  ["R009", "Xu Qiang", "East", "Zhejiang", "key_account", "2018-10-08", ""],
  ["R010", "Wu Xia", "North", "Shandong", "key_account", "2019-01-07", ""],
  ["R011", "Ma Jun", "South", "Guangdong", "key_account", "2019-03-18", ""],
  ["R012", "Zhu Hong", "West", "Shaanxi", "key_account", "2019-06-03", ""],
  ["R013", "Hu Bin", "East", "Shanghai", "account_exec", "2019-09-02", ""],
  ["R014", "Zhou Jie", "West", "Sichuan", "account_exec", "2019-11-11", ""],
  ["R015", "Guo Jing", "North", "Beijing", "account_exec", "2020-03-09", ""],
  ["R016", "He Ping", "South", "Guangxi", "account_exec", "2020-05-25", ""],
  ["R017", "Lin Na", "East", "Zhejiang", "account_exec", "2020-08-17", ""],
  ["R018", "Luo Kai", "West", "Chongqing", "account_exec", "2020-10-12", ""],
  ["R019", "Gao Yan", "North", "Tianjin", "account_exec", "2021-01-04", ""],
  ["R020", "Zheng Hao", "South", "Fujian", "account_exec", "2021-03-15", ""],
  ["R021", "Liang Yu", "East", "Jiangsu", "account_exec", "2021-06-07", ""],
  ["R022", "Xie Fei", "West", "Shaanxi", "account_exec", "2021-08-23", ""],
  ["R023", "Song Jia", "North", "Shandong", "account_exec", "2021-11-01", ""],
  ["R024", "Tang Wen", "South", "Guangdong", "account_exec", "2022-02-21", ""],
  ["R025", "Han Xue", "East", "Shanghai", "sdr", "2022-05-09", ""],
  ["R026", "Feng Rui", "North", "Beijing", "sdr", "2022-07-04", ""],
  ["R027", "Deng Chao", "South", "Guangdong", "account_exec", "2022-09-13", "2026-06-30"],
  ["R028", "Cao Ying", "West", "Sichuan", "sdr", "2023-02-20", ""],
  ["R029", "Peng Bo", "East", "Zhejiang", "account_exec", "2023-04-17", ""],
  ["R030", "Zeng Lin", "North", "Shandong", "account_exec", "2023-07-10", ""],
  ["R031", "Xiao Yun", "South", "Guangdong", "account_exec", "2023-09-18", ""],
  ["R032", "Tian Mei", "West", "Chongqing", "account_exec", "2024-03-04", ""],
  ["R033", "Dong Qi", "South", "Fujian", "sdr", "2024-06-11", ""],
  ["R034", "Pan Yue", "East", "Jiangsu", "account_exec", "2024-11-04", ""],
  ["R035", "Yuan Ning", "West", "Shaanxi", "account_exec", "2025-05-19", ""],
  ["R036", "Jiang Tao", "North", "Tianjin", "account_exec", "2025-12-01", ""],
  ["R037", "Cai Hong", "East", "Shanghai", "account_exec", "2026-03-02", ""],
  ["R038", "Lu Yao", "North", "Beijing", "account_exec", "2026-08-17", ""],
  ["R039", "Wei Dong", "South", "Guangxi", "account_exec", "2026-09-01", ""],
  ["R040", "Shen Yi", "West", "Sichuan", "account_exec", "2026-10-12", ""],
];

export function buildRoster(): Rep[] {
  return TABLE.map(([id, name, team, region, role, hired, left]) => {
    const rng = new Rng(`roster:${id}`);
    const [first, last] = name.toLowerCase().split(" ");
    return {
      id,
      name,
      team,
      region,
      role,
      hired: d(hired),
      left: left ? d(left) : null,
      email: `${last}.${first}@huakang-med.cn`,
      effort: rng.range(0.85, 1.15),
      drive: rng.range(0.85, 1.15),
      winRate: role === "key_account" ? rng.range(0.4, 0.5) : rng.range(0.34, 0.48),
    };
  });
}

export const ROSTER_HEADER = ["Rep ID", "Name", "Team", "Region", "Role", "Hired Date", "Left Date", "Email"] as const;

export function rosterCsv(reps: readonly Rep[]): string {
  const rows = reps.map((r) => [r.id, r.name, r.team, r.region, r.role, formatDay(r.hired), r.left === null ? "" : formatDay(r.left), r.email]);
  return csvText(ROSTER_HEADER, rows, "\n");
}
