# ---------------------------------------------------------------------------------------------
# Output: for every run a line "# run <label>", then CSV step,theta_0,…,loss,lr (lr = the lr of the
# update that leaves that step, empty on the last row). --csv DIR writes one file per run instead.
# ---------------------------------------------------------------------------------------------
def write_csv(rows, out):
    out.write('step,' + ''.join('theta_%d,' % i for i in range(DIM)) + 'loss,lr\n')
    for step, theta, loss, lr in rows:
        cells = [str(step)] + [repr(float(v)) for v in theta] + [repr(float(loss)), '' if lr is None else repr(float(lr))]
        out.write(','.join(cells) + '\n')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--csv', metavar='DIR', help='write one CSV file per run into DIR instead of printing')
    args = parser.parse_args()
    for i, (label, run) in enumerate(RUNS):
        rows = run()
        if args.csv:
            os.makedirs(args.csv, exist_ok=True)
            name = 'run_%d_%s.csv' % (i, ''.join(c if c.isalnum() else '_' for c in label))
            with open(os.path.join(args.csv, name), 'w') as f:
                write_csv(rows, f)
        else:
            sys.stdout.write('# run %s\n' % label)
            write_csv(rows, sys.stdout)


if __name__ == '__main__':
    main()
