import { complement } from './cpu-pinning';

it('leaves the API the CPUs the database does not take', () => {
  expect(complement('0', 2)).toBe('1');
  expect(complement('0-1', 4)).toBe('2,3');
  expect(complement('1,3', 4)).toBe('0,2');
  expect(complement('0-1', 2)).toBe('');
});
