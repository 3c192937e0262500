import type { Officer } from "../../domain/officer";

/** "DS Khan": how cards name an officer (rank and name only, docs/domain-rules.md §8). */
export function officerLabel(o: Pick<Officer, "rank" | "name"> | undefined): string {
  return o ? `${o.rank} ${o.name}` : "a former officer";
}
