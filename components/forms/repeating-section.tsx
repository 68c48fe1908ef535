'use client';

import { useFieldArray, useFormContext, type FieldValues, type ArrayPath, type FieldArray } from 'react-hook-form';
import { FieldError } from '@/components/ui/field';
import { useErrorText } from './error-text';
import { errorId, fieldId } from './field-id';
import { useFieldError } from './fields';

type Props<T extends FieldValues> = {
  name: ArrayPath<T>;
  /** The legend of item i (1-based), e.g. "Suspect 2": also the accessible name of its group. */
  itemLegend: (n: number) => string;
  addLabel: string;
  removeLabel: (n: number) => string;
  emptyText?: string;
  newItem: () => FieldArray<T, ArrayPath<T>>;
  min?: number;
  max?: number;
  children: (index: number, prefix: string) => React.ReactNode;
};

/** A list of like items (locations, suspects, services ...) the user can add to and remove from. */
export function RepeatingSection<T extends FieldValues>({ name, itemLegend, addLabel, removeLabel, emptyText, newItem, min = 0, max, children }: Props<T>) {
  const { control } = useFormContext<T>();
  const { fields, append, remove } = useFieldArray<T>({ control, name });
  const errorText = useErrorText();
  const message = errorText(useFieldError(name));
  return (
    <div id={fieldId(name)} className="space-y-3">
      <FieldError id={errorId(name)} message={message} />
      {fields.length === 0 && emptyText && <p className="text-sm text-slate-600">{emptyText}</p>}
      {fields.map((field, index) => (
        <fieldset key={field.id} className="space-y-3 rounded border border-slate-200 bg-slate-50 p-3">
          <legend className="px-1 text-sm font-semibold">{itemLegend(index + 1)}</legend>
          {children(index, `${name}.${index}`)}
          {fields.length > min && (
            <button type="button" onClick={() => remove(index)} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100">
              {removeLabel(index + 1)}
            </button>
          )}
        </fieldset>
      ))}
      {(max === undefined || fields.length < max) && (
        <button type="button" onClick={() => append(newItem())} className="rounded border border-brand-600 bg-white px-3 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50">
          {addLabel}
        </button>
      )}
    </div>
  );
}
