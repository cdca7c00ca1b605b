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
            # the label is the user's text: letters and digits only, and short enough for any file system
            name = 'run_%d_%s.csv' % (i, ''.join(c if c.isalnum() else '_' for c in label[:60]))
            with open(os.path.join(args.csv, name), 'w') as f:
                write_csv(rows, f)
        else:
            # one line whatever the label holds: a line break in it cannot start a row of its own
            sys.stdout.write('# run %s\n' % label.replace('\r', ' ').replace('\n', ' '))
            write_csv(rows, sys.stdout)


if __name__ == '__main__':
    main()
