from scripts.docs_diff.cli import main

raise SystemExit(main())
