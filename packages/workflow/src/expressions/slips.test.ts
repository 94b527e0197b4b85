import { describe, expect, it } from 'vitest';
import { MAX_EXPRESSION_LENGTH } from './compile';
import { findExpressionSlips } from './slips';

describe('findExpressionSlips', () => {
  it.each([
    ['event.data.severity == "HIGH"', 'JSONata compares with =, not ==', 'event.data.severity = "HIGH"'],
    ['a === 1', 'JSONata compares with =, not ===', 'a = 1'],
    ['a !== 1', 'JSONata tests inequality with !=, not !==', 'a != 1'],
    ['a > 1 && b < 2', 'JSONata uses and, not &&', 'a > 1 and b < 2'],
    ['a||b', 'JSONata uses or, not ||', 'a or b'],
    ['!event.data.paid', 'JSONata negates with $not(…), not !', '$not(event.data.paid)'],
    ['!(a = 1)', 'JSONata negates with $not(…), not !', '$not(a = 1)'],
    ['{{ event.data.invoiceId }}', 'write the expression without {{ }}: the field is JSONata already', 'event.data.invoiceId'],
  ])('names JSONata’s way for %j and corrects it', (source, advice, corrected) => {
    expect(findExpressionSlips(source)).toEqual({ advice: [advice], corrected });
  });

  it('names every kind of slip once and corrects them together', () => {
    expect(findExpressionSlips('{{ a == 1 && b == 2 || !c }}')).toEqual({
      advice: [
        'write the expression without {{ }}: the field is JSONata already',
        'JSONata compares with =, not ==',
        'JSONata uses and, not &&',
        'JSONata uses or, not ||',
        'JSONata negates with $not(…), not !',
      ],
      corrected: 'a = 1 and b = 2 or $not(c)',
    });
  });

  it('leaves what sits in strings, quoted names, comments and regular expressions alone', () => {
    expect(findExpressionSlips('"a==b" & \'c && d\' & `e||f` /* !g {{h}} */')).toBeUndefined();
    expect(findExpressionSlips('$match(x, /a==b|c&&d/)')).toBeUndefined();
    // Within strings, escaped quotes do not end them.
    expect(findExpressionSlips('x = "say \\"==\\"" && y')).toEqual({ advice: ['JSONata uses and, not &&'], corrected: 'x = "say \\"==\\"" and y' });
  });

  it('knows JSONata’s own operators that contain = and |', () => {
    expect(findExpressionSlips('a != 1 and b <= 2 and c >= 3 and ($x := 4)')).toBeUndefined();
    expect(findExpressionSlips('$ ~> | a | {"b": 1} |')).toBeUndefined();
  });

  it('names the slip but offers no correction when more is wrong', () => {
    expect(findExpressionSlips('a == (1')).toEqual({ advice: ['JSONata compares with =, not =='] });
  });

  it('reads hostile sources of the longest length in linear time', () => {
    const quarter = MAX_EXPRESSION_LENGTH / 4;
    const sources = {
      equals: 'a=='.repeat(quarter),
      negations: '!'.repeat(MAX_EXPRESSION_LENGTH),
      negatedPaths: '!a.b'.repeat(quarter),
      templates: '{{'.repeat(quarter * 2),
      unclosedString: `a == "${'\\"'.repeat(quarter)}`,
      unclosedRegex: `a == /${'x'.repeat(MAX_EXPRESSION_LENGTH - 6)}`,
    };
    for (const [name, source] of Object.entries(sources)) {
      const heap = process.memoryUsage().heapUsed;
      const started = performance.now();
      const slips = findExpressionSlips(source);
      const milliseconds = Math.round(performance.now() - started);
      console.log(`slips in ${source.length} characters of ${name}:`, { milliseconds, heapGrowthMB: Math.round((process.memoryUsage().heapUsed - heap) / 1e6) });
      expect(slips?.advice.length).toBeGreaterThan(0);
      expect(milliseconds).toBeLessThan(1000);
    }
  });
});
