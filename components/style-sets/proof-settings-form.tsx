"use client";
// The set's proof settings: up to six test prompts, a tier and a seed. Saving
// them is an edit of the set (a new version with a history line). Checked here
// with the contract's schema first, so a message sits next to the field before
// anything is sent; the server's problem+json errors land in the same places.
import { Plus, X } from "lucide-react";
import { useState } from "react";
import { ApiError } from "@/lib/client/platform/api-client";
import { toast } from "@/lib/client/platform/toast";
import type { StyleSetChanges } from "@/lib/client/references/use-style-sets";
import { KREA_DEFAULTS, KREA_SIZES } from "@/lib/contract/krea/options";
import { PROOF_PROMPTS_MAX, proofSettingsSchema } from "@/lib/contract/style-sets/proof";
import type { StyleSet } from "@/lib/contract/style-sets/schema";
import { Button } from "@/components/ui/button";
import { Field, inputClass, selectClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

type Errors = Record<string, string>;

/** "proof.prompts.2" or "prompts.2" → "prompts.2": one key per field on the form. */
function formErrors(fieldErrors: Record<string, string[] | undefined>): Errors {
  const out: Errors = {};
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const field = key.replace(/^proof\./, "");
    if (messages?.[0] && !out[field]) out[field] = messages[0];
  }
  return out;
}

export function ProofSettingsForm({ set, changes }: { set: StyleSet; changes: StyleSetChanges }) {
  const [prompts, setPrompts] = useState<string[]>(set.proof?.prompts ?? [""]);
  const [tier, setTier] = useState<string>(set.proof?.tier ?? KREA_DEFAULTS.size);
  const [seed, setSeed] = useState(String(set.proof?.seed ?? 1));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const seedNumber = seed.trim() === "" ? Number.NaN : Number(seed);
    const parsed = proofSettingsSchema.safeParse({ prompts, tier, seed: seedNumber });
    if (!parsed.success) {
      setErrors(
        formErrors(
          Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), [i.message]])),
        ),
      );
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = await changes.update(set, { proof: parsed.data });
      toast.success(`Saved proof settings as version ${saved.version}`);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
        setErrors(formErrors(error.fieldErrors));
      } else {
        toast.error("Couldn't save the proof settings", {
          description: error instanceof Error ? error.message : undefined,
        });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="proof-settings-heading" className="space-y-3">
      <h3 id="proof-settings-heading" className="text-sm font-semibold">
        Proof settings
      </h3>
      <p className="text-xs text-muted">
        Test prompts rendered with this set&apos;s references before a version is approved; all use
        the same tier and seed, so two versions&apos; proofs differ only by the set.
      </p>
      <ol className="space-y-2">
        {prompts.map((prompt, i) => (
          <li key={i} className="flex items-start gap-2">
            <Field
              label={`Test prompt ${i + 1}`}
              error={errors[`prompts.${i}`]}
              className="min-w-0 flex-1"
            >
              {(control) => (
                <input
                  {...control}
                  className={cn(inputClass, "mt-1 w-full")}
                  value={prompt}
                  onChange={(e) =>
                    setPrompts((list) => list.map((p, j) => (j === i ? e.target.value : p)))
                  }
                />
              )}
            </Field>
            {prompts.length > 1 ? (
              <Button
                aria-label={`Remove test prompt ${i + 1}`}
                className="mt-5"
                onClick={() => setPrompts((list) => list.filter((_, j) => j !== i))}
              >
                <X aria-hidden="true" className="size-3.5" />
              </Button>
            ) : null}
          </li>
        ))}
      </ol>
      {errors.prompts ? (
        <p role="alert" className="text-xs text-danger">
          {errors.prompts}
        </p>
      ) : null}
      <Button
        disabled={prompts.length >= PROOF_PROMPTS_MAX}
        onClick={() => setPrompts((list) => [...list, ""])}
      >
        <Plus aria-hidden="true" className="size-3.5" />
        Add test prompt
      </Button>
      <div className="flex flex-wrap items-start gap-3">
        <Field label="Proof tier" error={errors.tier}>
          {(control) => (
            <select
              {...control}
              className={cn(selectClass, "mt-1 block")}
              value={tier}
              onChange={(e) => setTier(e.target.value)}
            >
              {KREA_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size === "medium" ? "Medium" : "Large"}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Proof seed" error={errors.seed}>
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              className={cn(inputClass, "mt-1 block w-36")}
              value={seed}
              onChange={(e) => setSeed(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Button variant="primary" disabled={busy} onClick={() => void save()}>
        Save proof settings
      </Button>
    </section>
  );
}
