"use client";
// The builder's form state on the studio's own store (lib/client/platform/store.ts)
// instead of react-hook-form, which was 13 kB gzip of the first load (issue 18).
// What it keeps of that library's behaviour: a field is checked as it is edited
// (never for merely being passed through), Generate checks everything and
// focuses the first field in error, an error from the server sits on its field
// until the field is edited, and text inputs stay uncontrolled, so "2.5" or
// "12ab" stays as typed while the value the check reads is a number (or NaN).
import { createContext, useContext, useMemo } from "react";
import { checkKreaInput } from "@/lib/contract/krea/check";
import type { KreaInput } from "@/lib/contract/krea/schema";
import { createStore, useStore, type Store } from "@/lib/client/platform/store";
import { toKreaDraft, type KreaDraft } from "./draft";

export type FieldName = keyof KreaDraft;
/** Messages by path: a field ("quantity") or a reference's part ("imageStyleReferences.1.strength"). */
export type FormErrors = Readonly<Record<string, string>>;
export interface FormState {
  values: KreaDraft;
  errors: FormErrors;
}
type Checked = { ok: true; value: KreaInput } | { ok: false; errors: FormErrors };

/** The Krea check over the form's values, each path's first message in people's words. */
export function checkForm(values: KreaDraft, word: (m: string) => string): Checked {
  const checked = checkKreaInput(toKreaDraft(values));
  if (checked.ok) return checked;
  const errors: Record<string, string> = {};
  for (const [path, messages] of Object.entries(checked.errors)) {
    if (messages[0] !== undefined) errors[path] = word(messages[0]);
  }
  return { ok: false, errors };
}

/** The errors with the one of `name` (and its parts) replaced by what `from` says of it. */
function withFieldErrors(errors: FormErrors, name: FieldName, from: FormErrors): FormErrors {
  const next: Record<string, string> = {};
  const own = (path: string) => path === name || path.startsWith(`${name}.`);
  for (const [path, message] of Object.entries(errors)) if (!own(path)) next[path] = message;
  for (const [path, message] of Object.entries(from)) if (own(path)) next[path] = message;
  return next;
}

type Format = (value: unknown) => string;
const asText: Format = (v) =>
  v === null || v === undefined || (typeof v === "number" && Number.isNaN(v)) ? "" : String(v);

export interface BuilderForm {
  store: Store<FormState>;
  get<K extends FieldName>(name: K): KreaDraft[K];
  /** Sets a value (and writes it into its text input); `validate` checks that field now. */
  set<K extends FieldName>(name: K, value: KreaDraft[K], options?: { validate?: boolean }): void;
  /** A value the designer entered: set and checked, as a field is checked while edited. */
  edit<K extends FieldName>(name: K, value: KreaDraft[K]): void;
  reset(values: KreaDraft): void;
  /** Values loaded from elsewhere (Reuse): set, written into their inputs, their errors gone. */
  load(values: Partial<KreaDraft>): void;
  setError(name: string, message: string): void;
  clearError(name: FieldName): void;
  /** Checks everything: the parsed input, or null after showing the errors and focusing the first. */
  submit(): KreaInput | null;
  /** Where focus goes when the field is in error, and (text inputs) where its value is written. */
  bind(name: FieldName, element: HTMLElement | null, format?: Format): void;
}

export function createBuilderForm(
  initial: KreaDraft,
  word: (message: string) => string = (m) => m,
): BuilderForm {
  const store = createStore<FormState>({ values: initial, errors: {} });
  const elements = new Map<FieldName, { element: HTMLElement; format?: Format }>();
  const write = (name: FieldName, value: unknown) => {
    const bound = elements.get(name);
    const element = bound?.element;
    if (!bound?.format) return;
    if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
      element.value = bound.format(value);
    }
  };
  const validate = (name: FieldName) => {
    const state = store.get();
    const checked = checkForm(state.values, word);
    const errors = withFieldErrors(state.errors, name, checked.ok ? {} : checked.errors);
    store.set({ ...state, errors });
  };
  const form: BuilderForm = {
    store,
    get: (name) => store.get().values[name],
    set(name, value, options) {
      const state = store.get();
      store.set({ ...state, values: { ...state.values, [name]: value } });
      write(name, value);
      if (options?.validate) validate(name);
    },
    edit(name, value) {
      const state = store.get();
      store.set({ ...state, values: { ...state.values, [name]: value } });
      validate(name);
    },
    reset(values) {
      store.set({ values, errors: {} });
      for (const name of elements.keys()) write(name, values[name]);
    },
    load(values) {
      const state = store.get();
      const names = Object.keys(values).filter((n): n is FieldName => n in state.values);
      let errors = state.errors;
      for (const name of names) errors = withFieldErrors(errors, name, {});
      store.set({ values: { ...state.values, ...values }, errors });
      for (const name of names) write(name, values[name]);
    },
    setError(name, message) {
      const state = store.get();
      store.set({ ...state, errors: { ...state.errors, [name]: message } });
    },
    clearError(name) {
      const state = store.get();
      store.set({ ...state, errors: withFieldErrors(state.errors, name, {}) });
    },
    submit() {
      const state = store.get();
      const checked = checkForm(state.values, word);
      store.set({ ...state, errors: checked.ok ? {} : checked.errors });
      if (checked.ok) return checked.value;
      // The first field in error in the page's order gets focus.
      const inError = [...elements]
        .filter(([name]) => checked.errors[name] !== undefined)
        .map(([, bound]) => bound.element)
        .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
      inError[0]?.focus();
      return null;
    },
    bind(name, element, format) {
      if (element) elements.set(name, { element, format });
      else elements.delete(name);
    },
  };
  return form;
}

export const BuilderFormContext = createContext<BuilderForm | null>(null);

export function useBuilderForm(): BuilderForm {
  const form = useContext(BuilderFormContext);
  if (!form) throw new Error("useBuilderForm needs a BuilderFormContext provider");
  return form;
}

/** A field's value and its message, re-rendering only when either changes. */
export function useField<K extends FieldName>(
  name: K,
): { value: KreaDraft[K]; error: string | undefined } {
  const form = useBuilderForm();
  const value = useStore(form.store, (s) => s.values[name]);
  const error = useStore(form.store, (s) => s.errors[name]);
  return { value, error };
}

/**
 * Props for an uncontrolled text input: its first value from the server-rendered
 * defaults, every keystroke parsed with `parse` and checked.
 */
export function useTextField<K extends FieldName>(
  name: K,
  parse: (text: string) => KreaDraft[K],
): {
  name: K;
  defaultValue: string;
  ref: (element: HTMLInputElement | HTMLTextAreaElement | null) => void;
  onChange: (event: { target: { value: string } }) => void;
} {
  const form = useBuilderForm();
  // The server-rendered defaults, the same on every render: later values are written
  // through the ref, so a re-render never moves the caret or rewrites what is typed.
  return useMemo(
    () => ({
      name,
      defaultValue: asText(form.store.server.values[name]),
      ref: (element: HTMLInputElement | HTMLTextAreaElement | null) =>
        form.bind(name, element, asText),
      onChange: (event: { target: { value: string } }) =>
        form.edit(name, parse(event.target.value)),
    }),
    [form, name, parse],
  );
}
