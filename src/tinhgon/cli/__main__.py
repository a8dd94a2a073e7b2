from tinhgon.cli.main import main

main()
