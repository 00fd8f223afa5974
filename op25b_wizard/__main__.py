from op25b_wizard.cli import main

raise SystemExit(main())
