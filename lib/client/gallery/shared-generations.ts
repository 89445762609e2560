// History pages as the browser keeps them: one object per generation however many
// times its page is read, and each repeated string once. Scrolling the history
// down and back reads the pages near the top again, and each read parsed new
// copies of the same generations while the copies read before were still held by
// what the page keeps of its past (React's previous render, finished fetches
// TanStack Query keeps, memoized callbacks): back at the top the heap held two or
// three copies of the top pages (bench figure 9's heap snapshots). And JSON.parse
// makes a new string for every value: a ten-image generation carried twenty copies
// of one expiry time and every job id twice (the job's and its image's).
import { replaceEqualDeep } from "@tanstack/react-query";
import {
  WORKFLOW_STATUSES,
  type Generation,
  type GenerationPage,
  type GenerationStatus,
} from "@/lib/contract/generations/types";

export interface GenerationSharing {
  /** the page with each generation's object still in memory wherever its data is unchanged */
  share(page: GenerationPage): GenerationPage;
  /** generations remembered (those still in memory, weakly) */
  readonly size: number;
}

/** The status as the constant from the code, not a parsed copy (equal either way). */
function sharedStatus(status: GenerationStatus): GenerationStatus {
  return WORKFLOW_STATUSES.find((s) => s === status) ?? status;
}

/** The same generation with its repeated strings held once. */
function leanGeneration(g: Generation, once: (s: string | null) => string | null): Generation {
  const jobs = g.jobs.map((job) => ({ ...job, status: sharedStatus(job.status) }));
  const jobIds = new Map(jobs.map((job) => [job.id, job.id]));
  return {
    ...g,
    status: sharedStatus(g.status),
    jobs,
    images: g.images.map((image) => ({
      ...image,
      jobId: image.jobId === null ? null : (jobIds.get(image.jobId) ?? image.jobId),
      urlExpiresAt: once(image.urlExpiresAt),
      previewUrlExpiresAt: once(image.previewUrlExpiresAt),
    })),
  };
}

export function generationSharing(): GenerationSharing {
  // Weakly: a generation nothing else holds is let go, and its entry with it.
  const known = new Map<string, WeakRef<Generation>>();
  const forget = new FinalizationRegistry<string>((id) => {
    if (known.get(id)?.deref() === undefined) known.delete(id);
  });
  return {
    share(page) {
      const strings = new Map<string, string>();
      const once = (s: string | null) => {
        if (s === null) return null;
        const kept = strings.get(s);
        if (kept !== undefined) return kept;
        strings.set(s, s);
        return s;
      };
      const items = page.items.map((parsed) => {
        const fresh = leanGeneration(parsed, once);
        const earlier = known.get(fresh.id)?.deref();
        // The earlier object when nothing changed; else the fresh data, sharing unchanged parts.
        const g = earlier ? replaceEqualDeep(earlier, fresh) : fresh;
        if (g !== earlier) {
          known.set(g.id, new WeakRef(g));
          forget.register(g, g.id);
        }
        return g;
      });
      return { ...page, items };
    },
    get size() {
      return known.size;
    },
  };
}

/** The page's one memory of history generations (the gallery's paging reads through it). */
export const historySharing = generationSharing();
