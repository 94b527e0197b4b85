/** A set of choices sent as one form field repeated (`events=a&events=b`), laid out in a row. */
export function CheckboxGroup({ legend, name, options, checked }: { legend: string; name: string; options: readonly string[]; checked: (option: string) => boolean }) {
  return (
    <fieldset style={{ border: 0, padding: 0, marginBottom: 12 }}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} style={{ display: 'inline-flex', gap: 4, marginRight: 16 }}>
          <input type="checkbox" name={name} value={option} defaultChecked={checked(option)} style={{ width: 'auto' }} />
          {option}
        </label>
      ))}
    </fieldset>
  );
}
