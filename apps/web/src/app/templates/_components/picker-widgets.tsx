'use client';

import { ariaDescribedByIds, type RegistryWidgetsType, type RJSFSchema, type WidgetProps } from '@rjsf/utils';
import Link from 'next/link';
import { EventSelect } from '@/app/workflows/_components/event-select';
import { PICKER_WIDGETS } from '@/templates/parameter-pickers';
import type { ParameterValues, PickerOptions } from './picker-options';

/**
 * The instantiate form's pickers, one per `x-picker` (see parameter-pickers.ts). Each offers the
 * tenant's own choices, which the page read on the server and hands over as the form's context; a
 * value not among them (a default naming a user who left) stays shown so it can be seen and changed.
 */

type PickerProps = WidgetProps<ParameterValues, RJSFSchema, PickerOptions>;

const optionsOf = (props: PickerProps) => props.registry.formContext;
/** An empty choice is no value, so a required parameter reads as missing rather than as "". */
const chosen = (value: string) => (value === '' ? undefined : value);

function EventTypePicker(props: PickerProps) {
  return (
    <EventSelect
      id={props.id}
      events={optionsOf(props).events}
      value={typeof props.value === 'string' ? props.value : ''}
      onChange={(type) => props.onChange(chosen(type))}
      required={props.required ?? false}
      describedBy={ariaDescribedByIds(props.id)}
    />
  );
}

function UserPicker(props: PickerProps) {
  const users = optionsOf(props).users;
  const many = props.schema && (props.schema as { type?: unknown }).type === 'array';
  const values = many ? (Array.isArray(props.value) ? props.value.map(String) : []) : typeof props.value === 'string' ? [props.value] : [];
  const unknown = values.filter((value) => value && !users.some((user) => user.email === value));
  return (
    <select
      id={props.id}
      multiple={many}
      required={props.required}
      disabled={props.disabled || props.readonly}
      aria-describedby={ariaDescribedByIds(props.id)}
      aria-invalid={(props.rawErrors?.length ?? 0) > 0}
      value={many ? values : (values[0] ?? '')}
      onChange={(e) => props.onChange(many ? [...e.target.selectedOptions].map((option) => option.value) : chosen(e.target.value))}
    >
      {!many && <option value="">Choose a user…</option>}
      {unknown.map((value) => <option key={value} value={value}>{value} (not a user of this tenant)</option>)}
      {users.map((user) => <option key={user.email} value={user.email}>{user.name} · {user.email}</option>)}
    </select>
  );
}

function SecretPicker(props: PickerProps) {
  const names = optionsOf(props).secretNames;
  const value = typeof props.value === 'string' ? props.value : '';
  if (names === null) {
    return (
      <>
        <input
          id={props.id}
          value={value}
          required={props.required}
          disabled={props.disabled || props.readonly}
          aria-describedby={`${ariaDescribedByIds(props.id)} ${props.id}__secret-hint`}
          aria-invalid={(props.rawErrors?.length ?? 0) > 0}
          onChange={(e) => props.onChange(chosen(e.target.value))}
        />
        <p className="muted" id={`${props.id}__secret-hint`}>The name of one of the tenant’s secrets; only admins see the list.</p>
      </>
    );
  }
  return (
    <>
      <select
        id={props.id}
        required={props.required}
        disabled={props.disabled || props.readonly}
        aria-describedby={ariaDescribedByIds(props.id)}
        aria-invalid={(props.rawErrors?.length ?? 0) > 0}
        value={value}
        onChange={(e) => props.onChange(chosen(e.target.value))}
      >
        <option value="">Choose a secret…</option>
        {value && !names.includes(value) && <option value={value}>{value} (no such secret yet)</option>}
        {names.map((name) => <option key={name}>{name}</option>)}
      </select>
      {names.length === 0 && <p className="muted">This tenant has no secrets yet; add one under <Link href="/settings/secrets">Secrets</Link>.</p>}
    </>
  );
}

export const pickerWidgets: RegistryWidgetsType<ParameterValues, RJSFSchema, PickerOptions> = {
  [PICKER_WIDGETS['event-type']]: EventTypePicker,
  [PICKER_WIDGETS.user]: UserPicker,
  [PICKER_WIDGETS.secret]: SecretPicker,
};
