"use client";

import { useTranslations } from "next-intl";
import type { HTMLAttributes, ReactNode } from "react";
import { useFileSizeLimit } from "@/components/ui/file-size";
import type { Problem } from "@/lib/actions/form-state";
import { FieldError } from "@/components/ui/field-error";
import { inputClass } from "@/components/ui/buttons";

/** Ids for aria-describedby: the hint and/or the error of a field. */
export function describedBy(id: string, problem: Problem | undefined, hint: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : "", problem ? `${id}-error` : ""].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

export function RequiredMark() {
  const t = useTranslations("channels.form");
  return (
    <span className="text-red-700" title={t("required")} aria-hidden="true">
      *
    </span>
  );
}

/** What every labelled field shares, whatever its control. */
interface FieldProps {
  id: string;
  name: string;
  label: string;
  problem: Problem | undefined;
  hint?: ReactNode;
  /**
   * Under the input, the hint gives way to the error in aria-describedby instead of being read
   * with it, as the access screen has always done; above it, both are read.
   */
  hintPosition?: "above" | "below";
  /** Default true. The forms use noValidate, so this only tells assistive technologies; the server decides. */
  required?: boolean;
  /**
   * "symbol": an asterisk hidden from screen readers (channels, contact). "text": " *" is part of
   * the label, hence of the accessible name the access and delegation screens (and their e2e
   * selectors, e.g. « Qualité * ») rely on. "none": the label alone.
   */
  mark?: "symbol" | "text" | "none";
  /** Of the wrapper, e.g. a minimum width in a row of fields. */
  className?: string;
}

function controlAria({ id, problem, hint, hintPosition }: FieldProps) {
  return {
    "aria-invalid": problem ? true : undefined,
    "aria-describedby": hintPosition === "below" && problem ? `${id}-error` : describedBy(id, problem, Boolean(hint)),
  } as const;
}

function FieldFrame(props: FieldProps & { children: ReactNode }) {
  const { id, label, hint, mark = "symbol" } = props;
  const below = props.hintPosition === "below";
  const hintText = hint ? (
    <p id={`${id}-hint`} className={below ? "mt-1 text-xs text-slate-600" : "text-xs text-slate-600"}>
      {hint}
    </p>
  ) : null;
  return (
    <div className={props.className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        {mark === "text" ? " *" : null}
        {mark === "symbol" ? <RequiredMark /> : null}
      </label>
      {below ? null : hintText}
      {props.children}
      {below ? hintText : null}
      <FieldError id={id} problem={props.problem} />
    </div>
  );
}

export function TextField(
  props: FieldProps & {
    defaultValue?: string;
    type?: "text" | "email" | "tel" | "password" | "file";
    autoComplete?: string;
    maxLength?: number;
    placeholder?: string;
    inputMode?: HTMLAttributes<HTMLInputElement>["inputMode"];
    /** File types offered by the picker, for type="file". */
    accept?: string;
    /** The id of a <datalist> of suggestions (e.g. intermediaries by name). */
    list?: string;
    /** For type="file": largest accepted file, checked as soon as it is chosen (issue 12), and its message key. */
    maxFileBytes?: number;
    tooLargeKey?: string;
    onChange?: (value: string) => void;
  },
) {
  const { onChange, maxFileBytes } = props;
  const size = useFileSizeLimit(maxFileBytes ?? Number.POSITIVE_INFINITY, props.tooLargeKey ?? "rules.cert.too-large");
  const problem = size.problem ?? props.problem;
  const sized = maxFileBytes !== undefined;
  return (
    <FieldFrame {...props} problem={problem}>
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? "text"}
        required={props.required ?? true}
        defaultValue={props.defaultValue}
        autoComplete={props.autoComplete}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        inputMode={props.inputMode}
        accept={props.accept}
        list={props.list}
        {...controlAria({ ...props, problem })}
        onChange={
          onChange || sized
            ? (e) => {
                if (sized) size.check(e);
                onChange?.(e.target.value);
              }
            : undefined
        }
        className={inputClass}
      />
    </FieldFrame>
  );
}

/** The options are children, so a placeholder or a disabled option stays the caller's choice. */
export function SelectField(
  props: FieldProps & {
    defaultValue?: string;
    /** Controlled, for a form whose other fields follow the choice. */
    value?: string;
    onChange?: (value: string) => void;
    children: ReactNode;
  },
) {
  const { onChange } = props;
  return (
    <FieldFrame {...props}>
      <select
        id={props.id}
        name={props.name}
        required={props.required ?? true}
        defaultValue={props.defaultValue}
        value={props.value}
        onChange={onChange ? (e) => onChange(e.target.value) : undefined}
        {...controlAria(props)}
        className={inputClass}
      >
        {props.children}
      </select>
    </FieldFrame>
  );
}
